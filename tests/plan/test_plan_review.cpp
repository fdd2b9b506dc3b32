// `albsim plan --markdown --check --baseline` on scenarios imported from the hand-built
// Terraform plans: the gate's exit code, the comment's verdict, line to change and costs, each
// derived here from the model's rules.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <sstream>

#include "support.hpp"

namespace fs = std::filesystem;
using namespace albsim;
using nlohmann::json;

namespace {

std::string plan_path(const std::string& name) {
  return test::source_path("tests/data/terraform/" + name);
}

}  // namespace

TEST_CASE("plan --check gates a change that shrinks a pool below its fleet", "[terraform]") {
  const test::ScratchFolder folder("review-shrink");
  const std::string after = (folder.dir / "after.json").string();
  const std::string before = (folder.dir / "before.json").string();
  // 200 LCU over 3 AZs of 25-LCU nodes: ceil(200 / 75) = 3 nodes per AZ, 9 in all (MODEL.md §4).
  // The /29 after the change holds 8 of them; the /27 before holds every one.
  REQUIRE(test::run_albsim({"import", "terraform", plan_path("shrink_pool.json"), "--demand", "200",
                            "-o", after, "--before", before})
              .code == 0);
  const fs::path out = folder.dir / "plan";
  const auto r = test::run_albsim({"plan", after, "--pool", "aws_vpc_ipam_pool.shop", "--markdown",
                                   "--check", "--baseline", before, "-q", "-o", out.string()});
  CHECK(r.code == 3);
  // 8 of 9 nodes in the allowlist; a /28 (16 addresses) is the smallest BYOIP block for 9.
  CHECK(r.err ==
        "albsim: check: pool aws_vpc_ipam_pool.shop as it is (BYOIP /29) fails: P(breach) 1 [1, 1] "
        "> 0.01, in-allowlist 0.8889 [0.8889, 0.8889] < 0.9999; BYOIP /28 meets the targets "
        "(netmask_length = 28)\n");
  const std::string md = test::read_text(out / "plan.md");
  CHECK(md.rfind("<!-- albsim-plan aws_vpc_ipam_pool.shop -->\n### albsim: pool "
                 "`aws_vpc_ipam_pool.shop` ❌ fails its targets\n",
                 0) == 0);
  CHECK(md.find("in the `aws_vpc_ipam_pool_cidr` that provisions `aws_vpc_ipam_pool.shop`, set "
                "`netmask_length = 28` (or `cidr = \"192.0.2.0/28\"`)") != std::string::npos);
  // The ninth node holds an AWS-managed address all month: 730 h x $0.005 = $3.65; before the
  // change no address is managed and BYOIP ownership is not priced: $0.00.
  CHECK(md.find("**Monthly IPv4 cost:** $0.00 before the change, $3.65 after (+$3.65).") !=
        std::string::npos);
  CHECK(md.find("| in-allowlist, worst load balancer, target >= 0.9999 | 0.888889 | 1.000000 |") !=
        std::string::npos);
  CHECK(md.find("<details><summary>Every candidate (12)</summary>") != std::string::npos);
  CHECK(md.size() < 65536);
  const json plan = test::read_json(out / "plan.json");
  CHECK(plan["current"] == "BYOIP /29");
  CHECK(plan["baseline"]["cost_per_month"]["total"] == 0.0);
  int current = 0;
  for (const json& c : plan["candidates"]) current += c.value("current", false) ? 1 : 0;
  CHECK(current == 1);

  // The pool before the change meets the targets: the gate passes.
  const auto pass = test::run_albsim({"plan", before, "--pool", "aws_vpc_ipam_pool.shop", "--check",
                                      "-q", "-o", (folder.dir / "plan0").string()});
  CHECK(pass.code == 0);
  CHECK(pass.err.empty());
  CHECK(test::read_json(folder.dir / "plan0" / "plan.json")["current"] == "BYOIP /27");

  // Two shards merged: the same comment and the same gate (the merge simulates the baseline).
  for (const char* k : {"0/2", "1/2"})
    REQUIRE(test::run_albsim({"plan", after, "--pool", "aws_vpc_ipam_pool.shop", "--no-early-stop",
                              "--shard", k, "-q", "-o", (folder.dir / "shards").string()})
                .code == 0);
  const auto merged =
      test::run_albsim({"plan", "merge", (folder.dir / "shards").string(), "--markdown", "--check",
                        "--baseline", before, "-q", "-o", (folder.dir / "merged").string()});
  CHECK(merged.code == 3);
  CHECK(merged.err == r.err);
  CHECK(test::read_text(folder.dir / "merged" / "plan.md") == md);

  const auto shard = test::run_albsim({"plan", after, "--pool", "aws_vpc_ipam_pool.shop", "--check",
                                       "--no-early-stop", "--shard", "0/2", "-q", "-o",
                                       (folder.dir / "s").string()});
  CHECK(shard.code == 2);
  CHECK(shard.err == "albsim: --check: a shard has no verdict; pass it to albsim plan merge\n");
}

TEST_CASE("plan --markdown on an Amazon pool its two ALBs fit", "[terraform]") {
  const test::ScratchFolder folder("review-amazon");
  const std::string scenario = (folder.dir / "s.json").string();
  // web-api: ceil(60 / 50) = 2 nodes per AZ, 4; web-www at most 30 LCU: 1 per AZ, 2. Six of the
  // /29's 8 addresses.
  REQUIRE(test::run_albsim(
              {"import", "terraform", plan_path("amazon_modules.json"), "--demand", "web-api=60",
               "--demand", "web-www={\"diurnal\":{\"base\":20,\"amplitude\":0.5}}", "-o", scenario})
              .code == 0);
  const fs::path out = folder.dir / "plan";
  const auto r = test::run_albsim({"plan", scenario, "--pool", "aws_vpc_ipam_pool.edge",
                                   "--markdown", "--check", "-q", "-o", out.string()});
  INFO(r.err);
  CHECK(r.code == 0);
  const json plan = test::read_json(out / "plan.json");
  CHECK(plan["current"] == "Amazon /29 x1");  // the candidate of the same blocks, not a copy
  CHECK(plan["candidates"].size() == 12);
  const std::string md = test::read_text(out / "plan.md");
  CHECK(md.find("✅ meets its targets") != std::string::npos);
  CHECK(md.find("Serves web-api, web-www (AZs us-east-1a, us-east-1b) in us-east-1") !=
        std::string::npos);
  // An Amazon /29 is charged for all 8 addresses all month: 8 x 730 h x $0.008 = $46.72, plus
  // the advanced IPAM tier's $0.00027 per address-hour in use.
  CHECK(md.find("**Monthly IPv4 cost as it is:** $4") != std::string::npos);
}

namespace albsim {
namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

}  // namespace

TEST_CASE("ids reach plan.tf and plan.md as text, never as Terraform or Markdown", "[terraform]") {
  const std::string quickstart = test::source_path("scenarios/quickstart.json");
  const fs::path dir = test::fresh_scratch_dir("plan-escaped");
  // An id that would close its string and open a resource, with HCL's template sequences; a
  // scenario name that would end its comment line.
  const std::string lb = "w\"\n}\nresource \"null_resource\" \"x\" {\n#${path.module}%{if}\t\\";
  REQUIRE(test::run_albsim({"plan", quickstart, "--set", "/load_balancers/0/id=" + json(lb).dump(),
                            "--set", R"(/name="n\nresource \"null_resource\" \"y\" {}")", "--lb",
                            lb, "--out", (dir / "tf").string(), "-q"})
              .code == 0);
  const std::string tf = test::read_text(dir / "tf" / "plan.tf");
  CHECK(lines_of(tf).front() == R"(# albsim plan: n\x0Aresource "null_resource" "y" {})");
  CHECK(tf.find(R"(= "w\"\n}\nresource \"null_resource\" \"x\" {\n#$${path.module}%%{if}\t\\")") !=
        std::string::npos);
  for (const std::string& line : lines_of(tf))
    CHECK(line.rfind("resource \"null_resource\"", 0) != 0);

  // A pool id that would end the comment's marker and start a heading; a load balancer id of
  // backticks, emphasis, a line break and a table's bar.
  const std::string pool = "p``ool-->\n# h";
  const std::string lb2 = "w`*x*`\n|-->";
  const std::string pool_json = json(pool).dump();
  REQUIRE(test::run_albsim({"plan", quickstart, "--set", "/pools/1/id=" + pool_json, "--set",
                            "/load_balancers/0/pool=" + pool_json, "--set",
                            "/reservations/0/pool=" + pool_json, "--set",
                            "/load_balancers/0/id=" + json(lb2).dump(), "--pool", pool,
                            "--markdown", "--out", (dir / "md").string(), "-q"})
              .code == 0);
  const std::vector<std::string> md = lines_of(test::read_text(dir / "md" / "plan.md"));
  CHECK(md[0] == R"(<!-- albsim-plan p``ool--&gt;\x0A# h -->)");
  CHECK(md[1].rfind(R"(### albsim: pool ```p``ool-->\x0A# h``` )", 0) == 0);
  CHECK(md[3].rfind(R"(Serves w\`\*x\*\`\\x0A\|--\> (AZs use1-az1)", 0) == 0);

  // plan.tf quoted in the comment: a fence longer than the id's run of three backticks.
  const std::string lb3 = "w```x";
  REQUIRE(test::run_albsim({"plan", quickstart, "--set", "/load_balancers/0/id=" + json(lb3).dump(),
                            "--set", R"(/pools/1/cidrs=["203.0.113.0/31"])", "--lb", lb3,
                            "--markdown", "--out", (dir / "fence").string(), "-q"})
              .code == 0);
  const std::vector<std::string> fenced = lines_of(test::read_text(dir / "fence" / "plan.md"));
  CHECK(std::count(fenced.begin(), fenced.end(), "````hcl") == 1);
  CHECK(std::count(fenced.begin(), fenced.end(), "````") == 1);
}

}  // namespace albsim
