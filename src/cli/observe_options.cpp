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
