// `albsim import terraform`: three plan documents built by hand from Terraform's JSON output
// format (tests/data/terraform/README.md), each checked against the plan's own values, read
// here from the plan file rather than restated; and what is not such a document.
#include <catch2/catch.hpp>
#include <filesystem>

#include "support.hpp"

namespace fs = std::filesystem;
using namespace albsim;
using nlohmann::json;

namespace {

std::string plan_path(const std::string& name) {
  return test::source_path("tests/data/terraform/" + name);
}

// The resource change at `address` of a plan document.
const json& change_of(const json& plan, const std::string& address) {
  for (const json& rc : plan["resource_changes"])
    if (rc["address"] == address) return rc["change"];
  FAIL("no resource change " << address);
  throw std::logic_error("unreachable");
}

const json& pool_named(const json& scenario, const std::string& id) {
  for (const json& p : scenario["pools"])
    if (p["id"] == id) return p;
  FAIL("no pool " << id);
  throw std::logic_error("unreachable");
}

int prefix_length(const std::string& cidr) {
  return std::stoi(cidr.substr(cidr.find('/') + 1));
}

}  // namespace

TEST_CASE("import terraform: a BYOIP /24 with a child pool created by netmask, one ALB",
          "[terraform]") {
  const test::ScratchFolder folder("tf-byoip");
  const std::string out = (folder.dir / "scenario.json").string();
  const std::string file = plan_path("byoip_child.json");
  const json plan = test::read_json(file);
  const auto r = test::run_albsim({"import", "terraform", file, "--demand", "50", "-o", out});
  INFO(r.err);
  REQUIRE(r.code == 0);
  REQUIRE(test::run_albsim({"validate", out}).code == 0);
  const json s = test::read_json(out);

  CHECK(s["region"] ==
        plan["configuration"]["provider_config"]["aws"]["expressions"]["region"]["constant_value"]);
  const json& top = pool_named(s, "aws_vpc_ipam_pool.byoip");
  CHECK(top["source"] == change_of(plan, "aws_vpc_ipam_pool.byoip")["after"]["public_ip_source"]);
  CHECK(top["cidrs"] ==
        json::array({change_of(plan, "aws_vpc_ipam_pool_cidr.byoip")["after"]["cidr"]}));
  const json& child = pool_named(s, "aws_vpc_ipam_pool.regional");
  CHECK(child["parent"] == "aws_vpc_ipam_pool.byoip");
  CHECK(child["locale"] == change_of(plan, "aws_vpc_ipam_pool.regional")["after"]["locale"]);
  REQUIRE(child["cidrs"].size() == 1);
  // The plan gives the child's CIDR as a netmask only; the scenario holds a block of that size
  // inside the parent's /24.
  const json netmask =
      change_of(plan, "aws_vpc_ipam_pool_cidr.regional")["after"]["netmask_length"];
  CHECK(prefix_length(child["cidrs"][0]) == netmask.get<int>());
  CHECK(child["cidrs"][0].get<std::string>().rfind("198.51.100.", 0) == 0);
  CHECK(
      r.err.find("aws_vpc_ipam_pool_cidr.regional: netmask_length 28 from aws_vpc_ipam_pool.byoip, "
                 "placed at 198.51.100.0/28") != std::string::npos);

  REQUIRE(s["load_balancers"].size() == 1);
  const json& lb = s["load_balancers"][0];
  const json& lb_after = change_of(plan, "aws_lb.checkout")["after"];
  CHECK(lb["id"] == lb_after["name"]);
  CHECK(lb["pool"] == "aws_vpc_ipam_pool.regional");
  CHECK(lb["capacity_reservation_lcu"] ==
        lb_after["minimum_load_balancer_capacity"][0]["capacity_units"]);
  CHECK(lb["demand"] == json({{"constant", 50}}));
  // The AZs of the subnets the ALB names by id, from the data sources in the prior state.
  json azs = json::array();
  for (const json& id : lb_after["subnets"])
    for (const json& d : plan["prior_state"]["values"]["root_module"]["resources"])
      if (d["type"] == "aws_subnet" && d["values"]["id"] == id)
        azs.push_back(d["values"]["availability_zone"]);
  CHECK(azs.size() == 2);
  CHECK(lb["azs"] == azs);
  // The NAT gateway's Elastic IP comes from the child pool.
  REQUIRE(s["reservations"].size() == 1);
  CHECK(s["reservations"][0]["pool"] == "aws_vpc_ipam_pool.regional");
  CHECK(s["reservations"][0]["count"] == 1);
  CHECK(s["reservations"][0]["label"] == "aws_eip.nat (NAT gateway aws_nat_gateway.a)");
}

TEST_CASE("import terraform: an Amazon /29 created in the plan, two ALBs of a for_each module",
          "[terraform]") {
  const test::ScratchFolder folder("tf-amazon");
  const std::string out = (folder.dir / "scenario.json").string();
  const std::string file = plan_path("amazon_modules.json");
  const json plan = test::read_json(file);

  // No demand given: placeholders, written, and refused by validate until filled in.
  auto r = test::run_albsim({"import", "terraform", file, "-o", out});
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(r.out.find("demand to fill in") != std::string::npos);
  const auto refused = test::run_albsim({"validate", out});
  CHECK(refused.code == 2);
  CHECK(refused.err.find(out + ": /load_balancers/0/demand/placeholder: demand not filled in "
                               "(module.web[\"api\"].aws_lb.this: the plan does not say demand") !=
        std::string::npos);
  CHECK(test::run_albsim({"validate", out, "--set", "/load_balancers/0/demand={\"constant\":5}",
                          "--set", "/load_balancers/1/demand={\"constant\":5}"})
            .code == 0);

  r = test::run_albsim({"import", "terraform", file, "--demand", "web-api=60", "--demand",
                        "web-www={\"diurnal\":{\"base\":20,\"amplitude\":0.5}}", "-o", out});
  REQUIRE(r.code == 0);
  REQUIRE(test::run_albsim({"validate", out}).code == 0);
  const json s = test::read_json(out);
  CHECK(s["region"] == plan["variables"]["region"]["value"]);  // provider region = var.region
  CHECK(s["pricing"]["ipam_tier"] == change_of(plan, "aws_vpc_ipam.main")["after"]["tier"]);
  REQUIRE(s["pools"].size() == 1);  // the IPv6 pool is skipped
  const json& pool = s["pools"][0];
  CHECK(pool["id"] == "aws_vpc_ipam_pool.edge");
  CHECK(pool["source"] == change_of(plan, "aws_vpc_ipam_pool.edge")["after"]["public_ip_source"]);
  CHECK(pool["netmask_length"] ==
        change_of(plan, "aws_vpc_ipam_pool_cidr.edge")["after"]["netmask_length"]);
  CHECK_FALSE(pool.contains("cidrs"));
  CHECK(r.err.find("skipped aws_vpc_ipam_pool.edge_v6: ipv6") != std::string::npos);
  CHECK(r.err.find("skipped aws_lb.internal_api: internal") != std::string::npos);
  CHECK(r.err.find("skipped aws_lb.tcp: a network load balancer") != std::string::npos);

  REQUIRE(s["load_balancers"].size() == 2);
  for (const std::string key : {"api", "www"}) {
    const std::string module = "module.web[\"" + key + "\"]";
    const json& lb = s["load_balancers"][key == "api" ? 0 : 1];
    CHECK(lb["id"] == change_of(plan, module + ".aws_lb.this")["after"]["name"]);
    CHECK(lb["pool"] == "aws_vpc_ipam_pool.edge");  // through var.pool_id of the module call
    json azs = json::array();
    for (int i = 0; i < 2; ++i)
      azs.push_back(change_of(plan, module + ".aws_subnet.this[" + std::to_string(i) +
                                        "]")["after"]["availability_zone"]);
    CHECK(lb["azs"] == azs);
  }
  CHECK(s["load_balancers"][0]["demand"] == json({{"constant", 60}}));
  CHECK(s["load_balancers"][1]["demand"]["diurnal"]["base"] == 20);
}

TEST_CASE("import terraform: a change that shrinks a pool, after and before", "[terraform]") {
  const test::ScratchFolder folder("tf-shrink");
  const std::string after = (folder.dir / "after.json").string();
  const std::string before = (folder.dir / "before.json").string();
  const std::string file = plan_path("shrink_pool.json");
  const json plan = test::read_json(file);
  const auto r = test::run_albsim(
      {"import", "terraform", file, "--demand", "shop=200", "-o", after, "--before", before});
  INFO(r.err);
  REQUIRE(r.code == 0);
  REQUIRE(test::run_albsim({"validate", after}).code == 0);
  REQUIRE(test::run_albsim({"validate", before}).code == 0);
  const json& cidr = change_of(plan, "aws_vpc_ipam_pool_cidr.shop");
  const json a = test::read_json(after);
  const json b = test::read_json(before);
  CHECK(prefix_length(pool_named(a, "aws_vpc_ipam_pool.shop")["cidrs"][0]) ==
        cidr["after"]["netmask_length"].get<int>());
  CHECK(pool_named(b, "aws_vpc_ipam_pool.shop")["cidrs"] == json::array({cidr["before"]["cidr"]}));
  for (const json* s : {&a, &b}) {
    CHECK((*s)["region"] == "ap-southeast-2");
    CHECK(pool_named(*s, "aws_vpc_ipam_pool.shop")["parent"] == "aws_vpc_ipam_pool.byoip");
    const json& lb = (*s)["load_balancers"][0];
    CHECK(lb["id"] == "shop");
    CHECK(lb["pool"] == "aws_vpc_ipam_pool.shop");  // its known pool id, matched to the pool
    json azs = json::array();
    for (const char* k : {"a", "b", "c"})
      azs.push_back(change_of(
          plan, std::string("aws_subnet.public[\"") + k + "\"]")["after"]["availability_zone"]);
    CHECK(lb["azs"] == azs);
  }

  SECTION("the same resources read from a state (terraform show -json of the state)") {
    const json state = {{"format_version", "1.0"},
                        {"terraform_version", "1.9.8"},
                        {"values", plan["prior_state"]["values"]}};
    const std::string state_file = folder.write("state.json", state.dump());
    const std::string out = (folder.dir / "state-scenario.json").string();
    REQUIRE(
        test::run_albsim({"import", "terraform", state_file, "--demand", "1", "-o", out}).code ==
        0);
    CHECK(pool_named(test::read_json(out), "aws_vpc_ipam_pool.shop")["cidrs"] ==
          json::array({cidr["before"]["cidr"]}));
    const auto no_before = test::run_albsim({"import", "terraform", state_file, "-o", out,
                                             "--before", (folder.dir / "b.json").string()});
    CHECK(no_before.code == 2);
    CHECK(no_before.err ==
          "albsim: " + state_file + ": a state has no change, so no before: give a plan's JSON\n");
  }
}

TEST_CASE("import terraform refuses what is not terraform show -json output", "[terraform]") {
  const test::ScratchFolder folder("tf-refused");
  const std::string out = (folder.dir / "scenario.json").string();
  const auto refused = [&](const std::string& file, const std::string& message) {
    const auto r = test::run_albsim({"import", "terraform", file, "-o", out});
    CHECK(r.code == 2);
    CHECK(r.err == "albsim: " + file + message + "\n");
    CHECK_FALSE(fs::exists(out));
  };
  const std::string how =
      "run `terraform plan -out=tfplan && terraform show -json tfplan > plan.json` (or "
      "`terraform show -json > state.json` for the state) and give that file";
  const std::string aws = test::source_path("tests/data/aws/describe-load-balancers.json");
  refused(aws,
          ": not `terraform show -json` output (it is AWS CLI output (\"LoadBalancers\"): "
          "use albsim import aws for it); " +
              how);
  refused(folder.write("binary.tfplan", std::string("PK\x03\x04", 4) + "tfplan"),
          ": a binary plan file, not JSON: " + how);
  refused(
      folder.write("log.json",
                   "{\"@level\":\"info\",\"@message\":\"Terraform 1.9.8\",\"type\":\"version\"}\n"
                   "{\"@level\":\"info\",\"@message\":\"Plan: 1 to add\"}\n"),
      ": the log `terraform plan -json` prints, not the plan: " + how);
  refused(folder.write("v2.json", R"({"format_version": "2.0", "planned_values": {}})"),
          ": /format_version: format \"2.0\" is not one albsim reads (1.x, as Terraform 0.12 to "
          "1.x print)");
  refused(
      folder.write("cut.json", R"({"format_version": "1.2", "resource_changes": [)"),
      ": malformed JSON at line 1, column 48: syntax error while parsing value - unexpected end "
      "of input; expected '[', '{', or "
      "a literal");
  refused(folder.write("errored.json",
                       R"({"format_version": "1.2", "errored": true, "resource_changes": []})"),
          ": /errored: terraform plan failed part way, so the plan is not the whole change; fix "
          "the errors `terraform plan` prints, then export it again");
  refused(folder.write("empty.json", R"({"format_version": "1.2", "resource_changes": []})"),
          ": no application load balancer (aws_lb, aws_alb) in the plan: nothing to simulate");
  refused(folder.write("change.json",
                       R"({"format_version": "1.2", "resource_changes": [{"type": "aws_lb"}]})"),
          ": /resource_changes/0: a resource change needs an \"address\" and a \"change\" object");

  const auto unknown_lb = test::run_albsim(
      {"import", "terraform", plan_path("shrink_pool.json"), "--demand", "shopp=10", "-o", out});
  CHECK(unknown_lb.code == 2);
  CHECK(unknown_lb.err ==
        "albsim: --demand: shopp=...: no load balancer shopp was imported; the load balancers "
        "are shop\n");
  const auto bad_spec = test::run_albsim(
      {"import", "terraform", plan_path("shrink_pool.json"), "--demand", "lots", "-o", out});
  CHECK(bad_spec.code == 2);
  CHECK(bad_spec.err.find("albsim: --demand: lots: give LCU as a number (40)") == 0);
  CHECK_FALSE(fs::exists(out));
}

TEST_CASE("import terraform: what it cannot follow is a note naming the Terraform address",
          "[terraform]") {
  const test::ScratchFolder folder("tf-notes");
  json plan = test::read_json(plan_path("byoip_child.json"));
  for (json& r : plan["configuration"]["root_module"]["resources"]) {
    if (r["address"] == "aws_lb.checkout")
      r["expressions"]["ipam_pools"][0]["ipv4_ipam_pool_id"]["references"] = {"local.edge_pool"};
    if (r["address"] == "aws_eip.nat")
      r["expressions"]["ipam_pool_id"]["references"] = {"local.edge_pool"};
  }
  // Subnets the plan holds nothing about: each stands for its own AZ.
  for (json& rc : plan["resource_changes"])
    if (rc["address"] == "aws_lb.checkout")
      rc["change"]["after"]["subnets"] = {"subnet-0123456789abcdef0", "subnet-0fedcba9876543210"};
  const std::string file = folder.write("plan.json", plan.dump());
  const std::string out = (folder.dir / "s.json").string();
  const auto r = test::run_albsim({"import", "terraform", file, "--demand", "5", "-o", out});
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(r.err.find("note: aws_lb.checkout: its ipam_pools block names a pool albsim cannot "
                   "follow (local.edge_pool); imported on no pool: set /load_balancers/0/pool to "
                   "its pool's id\n") != std::string::npos);
  CHECK(r.err.find("note: aws_eip.nat: cannot tell which pool its Elastic IP comes from") !=
        std::string::npos);
  CHECK(r.err.find("note: aws_lb.checkout: the AZ of subnet subnet-0123456789abcdef0 is not in "
                   "the plan; the subnet stands for its AZ") != std::string::npos);
  const json s = test::read_json(out);
  CHECK_FALSE(s["load_balancers"][0].contains("pool"));
  CHECK(s["load_balancers"][0]["azs"] ==
        json::array({"subnet-0123456789abcdef0", "subnet-0fedcba9876543210"}));
  CHECK(s["reservations"].empty());
}

TEST_CASE("import terraform: a netmask_length that is no prefix length is exit 2", "[terraform]") {
  const test::ScratchFolder folder("tf-netmask");
  json plan = test::read_json(plan_path("shrink_pool.json"));
  for (json& rc : plan["resource_changes"])
    if (rc["address"] == "aws_vpc_ipam_pool_cidr.shop")
      rc["change"]["after"]["netmask_length"] = 56;
  const std::string file = folder.write("plan.json", plan.dump());
  const std::string out = (folder.dir / "s.json").string();
  const auto r = test::run_albsim({"import", "terraform", file, "--demand", "5", "-o", out});
  CHECK(r.code == 2);
  CHECK(r.err == "albsim: " + file +
                     ": /resource_changes/4/change/after/netmask_length: "
                     "aws_vpc_ipam_pool_cidr.shop: netmask_length 56 is not an IPv4 prefix length "
                     "(0 to 32)\n");
  CHECK_FALSE(fs::exists(out));
}

TEST_CASE("import terraform: demand from CloudWatch, as import aws reads it", "[terraform]") {
  const test::ScratchFolder folder("tf-metrics");
  // ConsumedLCUs of the plan's ALB (its name, checkout, as the query's Label), per minute.
  const std::string metrics = folder.write("metrics.json", R"({"MetricDataResults": [
    {"Id": "lcu", "Label": "checkout ConsumedLCUs Average",
     "Timestamps": ["2026-11-30T00:02:00+00:00", "2026-11-30T00:01:00+00:00",
                    "2026-11-30T00:00:00+00:00"],
     "Values": [30.5, 20.25, 10.0], "StatusCode": "Complete"}], "Messages": []})");
  const std::string out = (folder.dir / "s.json").string();
  const auto r = test::run_albsim(
      {"import", "terraform", plan_path("byoip_child.json"), "--metrics", metrics, "-o", out});
  INFO(r.err);
  REQUIRE(r.code == 0);
  REQUIRE(test::run_albsim({"validate", out}).code == 0);
  const json s = test::read_json(out);
  CHECK(s["start"] == "2026-11-30T00:00:00Z");  // the first sample
  CHECK(s["horizon"] == "180s");                // three samples of 60 s
  const json& trace = s["load_balancers"][0]["demand"]["trace"];
  CHECK(trace["file"] == "metrics.json");  // relative to the scenario
  CHECK(trace["metric"] == "lcu");
  CHECK(trace["statistic"] == "Average");
}
