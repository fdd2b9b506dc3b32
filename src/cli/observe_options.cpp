#include "cli/observe_options.hpp"

namespace albsim {

void add_observation_options(CLI::App& command, ObserveRequest& request) {
  command.add_option("--ipam-history", request.ipam_history,
                     "aws ec2 get-ipam-address-history output, every page (one query per address "
                     "of the pool)");
  command.add_option("--eni-snapshots", request.eni_snapshots,
                     "aws ec2 describe-network-interfaces outputs, one file per time, the UTC time "
                     "in the name (tools/observe/eni-snapshots.sh)");
  command.add_option("--dns-log", request.dns_log,
                     "Lines of \"<time> <ip> <ip> ...\" for one load balancer's DNS name "
                     "(tools/observe/dns-log.sh)");
  command.add_option("--public-ips", request.public_ips,
                     "aws ec2 get-ipam-discovered-public-addresses outputs (Public IP Insights), "
                     "one file per discovery");
  command.add_option("--enis", request.enis,
                     "aws ec2 describe-network-interfaces outputs that describe the network "
                     "interfaces of --ipam-history records (\"ELB app/<name>/<id>\"), so each is "
                     "attributed by evidence, not by its pool");
  command.add_option("--ipam-sampling", request.ipam_sampling,
                     "How late IPAM records a change, like 5m: simulated times are rounded up to "
                     "its multiples (default: the grid the history's times show, else exact)");
  command.add_option("--lb", request.lb,
                     "The load balancer observed: needed when the source does not name it and the "
                     "scenario has several, and for calibrate when the source holds several");
  command.add_option("--from", request.from,
                     "Start of the observed window, like 2025-03-01T00:00:00Z (default: the "
                     "scenario's start)");
  command.add_option("--to", request.to,
                     "End of the observed window (default: the start plus the scenario's horizon)");
  command.add_option("--dns-gap", request.dns_gap,
                     "How long an address may be missing from DNS answers and still count as held "
                     "(default: five sampling intervals)");
}

}  // namespace albsim
