// charges.csv against FOCUS 1.2's column rules, encoded here from the specification's text
// (FOCUS_Spec v1.2, specification/columns/*.md and attributes/*.md): presence, nullability,
// formats and allowed values; and its BilledCost summing to the report's total to the cent.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cctype>
#include <map>
#include <set>

#include "io/csv_rows.hpp"
#include "support.hpp"

using namespace albsim;

namespace {

const std::set<std::string> kMandatory = {
    "BilledCost",        "BillingAccountId",   "BillingAccountName", "BillingCurrency",
    "BillingPeriodEnd",  "BillingPeriodStart", "ChargeCategory",     "ChargeClass",
    "ChargeDescription", "ChargePeriodEnd",    "ChargePeriodStart",  "ContractedCost",
    "EffectiveCost",     "InvoiceIssuerName",  "ListCost",           "PricingQuantity",
    "PricingUnit",       "ProviderName",       "PublisherName",      "ServiceCategory",
    "ServiceName"};
const std::set<std::string> kNotNull = {
    "BilledCost",         "BillingAccountId",  "BillingCurrency", "BillingPeriodEnd",
    "BillingPeriodStart", "ChargeCategory",    "ChargeFrequency", "ChargePeriodEnd",
    "ChargePeriodStart",  "ContractedCost",    "EffectiveCost",   "InvoiceIssuerName",
    "ListCost",           "ProviderName",      "PublisherName",   "ServiceCategory",
    "ServiceName",        "ServiceSubcategory"};
const std::set<std::string> kDecimal = {
    "BilledCost",          "ConsumedQuantity", "ContractedCost",
    "ContractedUnitPrice", "EffectiveCost",    "ListCost",
    "ListUnitPrice",       "PricingQuantity",  "CommitmentDiscountQuantity"};
const std::set<std::string> kDateTime = {"BillingPeriodEnd", "BillingPeriodStart",
                                         "ChargePeriodEnd", "ChargePeriodStart"};
const std::set<std::string> kServiceCategories = {"AI and Machine Learning",
                                                  "Analytics",
                                                  "Business Applications",
                                                  "Compute",
                                                  "Databases",
                                                  "Developer Tools",
                                                  "Multicloud",
                                                  "Identity",
                                                  "Integration",
                                                  "Internet of Things",
                                                  "Management and Governance",
                                                  "Media",
                                                  "Migration",
                                                  "Mobile",
                                                  "Networking",
                                                  "Security",
                                                  "Storage",
                                                  "Web",
                                                  "Other"};
const std::set<std::string> kFocusColumns = {"AvailabilityZone",
                                             "BilledCost",
                                             "BillingAccountId",
                                             "BillingAccountName",
                                             "BillingAccountType",
                                             "BillingCurrency",
                                             "BillingPeriodEnd",
                                             "BillingPeriodStart",
                                             "CapacityReservationId",
                                             "CapacityReservationStatus",
                                             "ChargeCategory",
                                             "ChargeClass",
                                             "ChargeDescription",
                                             "ChargeFrequency",
                                             "ChargePeriodEnd",
                                             "ChargePeriodStart",
                                             "CommitmentDiscountCategory",
                                             "CommitmentDiscountId",
                                             "CommitmentDiscountName",
                                             "CommitmentDiscountQuantity",
                                             "CommitmentDiscountStatus",
                                             "CommitmentDiscountType",
                                             "CommitmentDiscountUnit",
                                             "ConsumedQuantity",
                                             "ConsumedUnit",
                                             "ContractedCost",
                                             "ContractedUnitPrice",
                                             "EffectiveCost",
                                             "InvoiceId",
                                             "InvoiceIssuerName",
                                             "ListCost",
                                             "ListUnitPrice",
                                             "PricingCategory",
                                             "PricingCurrency",
                                             "PricingCurrencyContractedUnitPrice",
                                             "PricingCurrencyEffectiveCost",
                                             "PricingCurrencyListUnitPrice",
                                             "PricingQuantity",
                                             "PricingUnit",
                                             "ProviderName",
                                             "PublisherName",
                                             "RegionId",
                                             "RegionName",
                                             "ResourceId",
                                             "ResourceName",
                                             "ResourceType",
                                             "ServiceCategory",
                                             "ServiceName",
                                             "ServiceSubcategory",
                                             "SkuId",
                                             "SkuMeter",
                                             "SkuPriceDetails",
                                             "SkuPriceId",
                                             "SubAccountId",
                                             "SubAccountName",
                                             "SubAccountType",
                                             "Tags"};

// FOCUS's Date/Time Format: "YYYY-MM-DDTHH:mm:ssZ". (No std::regex: GCC 12 warns falsely in
// its own headers under the sanitizers.)
bool is_datetime(const std::string& s) {
  const std::string shape = "dddd-dd-ddTdd:dd:ddZ";
  if (s.size() != shape.size()) return false;
  for (std::size_t i = 0; i < s.size(); ++i)
    if (shape[i] == 'd' ? !std::isdigit(static_cast<unsigned char>(s[i])) : s[i] != shape[i])
      return false;
  return true;
}

// FOCUS's Numeric Format: an optional '-', digits, an optional '.' and digits, an optional
// exponent "E" with an optional '-' and digits; nothing else ('+', commas, units).
bool is_decimal(const std::string& s) {
  std::size_t i = 0;
  const auto digits = [&] {
    const std::size_t from = i;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
    return i > from;
  };
  if (i < s.size() && s[i] == '-') ++i;
  if (!digits()) return false;
  if (i < s.size() && s[i] == '.' && (++i, !digits())) return false;
  if (i < s.size() && (s[i] == 'E' || s[i] == 'e')) {
    ++i;
    if (i < s.size() && s[i] == '-') ++i;
    if (!digits()) return false;
  }
  return i == s.size();
}

bool is_currency(const std::string& s) {
  return s.size() == 3 &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

}  // namespace

TEST_CASE("FOCUS format checks accept what the specification allows, and only that") {
  CHECK(is_datetime("2026-11-01T00:00:00Z"));
  CHECK(!is_datetime("2026-11-01T00:00:00.000Z"));
  CHECK(!is_datetime("2026-11-01 00:00:00Z"));
  CHECK(is_decimal("-100.2"));
  CHECK(is_decimal("3"));
  CHECK(is_decimal("1.5E-3"));
  CHECK(!is_decimal("+3"));
  CHECK(!is_decimal("1,000"));
  CHECK(!is_decimal("1."));
  CHECK(!is_decimal("$3"));
  CHECK(is_currency("USD"));
  CHECK(!is_currency("usd"));
}

TEST_CASE("charges.csv follows FOCUS 1.2's column rules and sums to the report's total") {
  const std::filesystem::path dir = test::fresh_scratch_dir("focus");
  const test::CliResult r = test::run_albsim(
      {"run", test::source_path("scenarios/finance/ipv4-bill.json"), "--out", dir.string(),
       "--charges", "-q", "--set", "/pricing/byoip_price_per_address=30"});
  REQUIRE(r.code == 0);
  const std::string text = test::read_text(dir / "charges.csv");
  CsvRows rows(text);
  std::vector<std::string> header, f;
  REQUIRE(rows.next(header));
  std::map<std::string, std::size_t> at;
  for (std::size_t i = 0; i < header.size(); ++i) at[header[i]] = i;
  for (const std::string& name : kMandatory) CHECK(at.count(name) == 1);
  for (const std::string& name : header) {
    INFO(name);
    CHECK((kFocusColumns.count(name) == 1 || name.rfind("x_", 0) == 0));
  }
  double billed = 0;
  std::set<std::string> categories;
  std::size_t lines = 0;
  while (rows.next(f)) {
    ++lines;
    REQUIRE(f.size() == header.size());
    const auto value = [&](const std::string& c) { return f[at.at(c)]; };
    INFO("line " << rows.line() << ": " << value("ChargeDescription"));
    for (const std::string& c : kNotNull) CHECK(!value(c).empty());
    for (const std::string& c : kDecimal)
      if (!value(c).empty()) CHECK(is_decimal(value(c)));
    for (const std::string& c : kDateTime) CHECK(is_datetime(value(c)));
    const std::string category = value("ChargeCategory");
    categories.insert(category);
    CHECK(
        std::set<std::string>{"Usage", "Purchase", "Tax", "Credit", "Adjustment"}.count(category));
    CHECK(std::set<std::string>{"One-Time", "Recurring", "Usage-Based"}.count(
        value("ChargeFrequency")));
    CHECK((value("ChargeClass").empty() || value("ChargeClass") == "Correction"));
    CHECK(std::set<std::string>{"", "Standard", "Dynamic", "Committed", "Other"}.count(
        value("PricingCategory")));
    CHECK(kServiceCategories.count(value("ServiceCategory")));
    CHECK(is_currency(value("BillingCurrency")));
    // Conditional nullability.
    CHECK(value("ConsumedQuantity").empty() == (category != "Usage"));
    CHECK(value("ConsumedUnit").empty() == value("ConsumedQuantity").empty());
    CHECK(value("PricingUnit").empty() == value("PricingQuantity").empty());
    if (category == "Usage" || category == "Purchase") {
      CHECK(!value("PricingQuantity").empty());
      CHECK(!value("ListUnitPrice").empty());
      CHECK(!value("SkuId").empty());
    }
    // Periods: a charge period inside its billing period.
    CHECK(value("ChargePeriodStart") < value("ChargePeriodEnd"));
    CHECK(value("BillingPeriodStart") <= value("ChargePeriodStart"));
    CHECK(value("ChargePeriodEnd") <= value("BillingPeriodEnd"));
    // List cost is the list unit price times the pricing quantity.
    CHECK(std::stod(value("ListCost")) ==
          Approx(std::stod(value("ListUnitPrice")) * std::stod(value("PricingQuantity")))
              .margin(1e-9));
    CHECK(nlohmann::json::parse(value("Tags")).at("albsim:simulated") == "true");
    billed += std::stod(value("BilledCost"));
  }
  CHECK(lines > 10);
  CHECK(categories == std::set<std::string>{"Usage", "Purchase"});
  const nlohmann::json report = nlohmann::json::parse(test::read_text(dir / "report.json"));
  CHECK(std::llround(billed * 100) == std::llround(report["cost"]["total"].get<double>() * 100));
  // report.json attributes the same dollars per pool and consumer.
  const nlohmann::json& charges = report["charges"];
  CHECK(charges["lines"] == lines);
  CHECK(charges["total_usd"].get<double>() == Approx(report["cost"]["total"].get<double>()));
  double attributed = 0;
  for (const nlohmann::json& row : charges["by_pool_and_consumer"]) {
    attributed += row["usd"].get<double>();
    CHECK(row["pool"].is_null() == (row["usage_type"] == "USE1-PublicIPv4:InUseAddress"));
  }
  CHECK(attributed == Approx(billed));
}

TEST_CASE("ids and names that a spreadsheet would read as formulas stay text in the charge CSVs") {
  // Every text from the scenario begins with a formula character (OWASP's CSV injection list);
  // the load balancer's id also holds a line break.
  const test::ScratchFolder folder("focus-formulas");
  const std::string scenario = folder.write("s.json", R"({
    "name": "+ growth what-if", "region": "=cmd", "start": "2026-11-01T00:00:00Z",
    "horizon": "1d", "pricing": {"ipam_tier": "advanced", "byoip_price_per_address": 30},
    "pools": [{"id": "@corp", "source": "byoip", "cidrs": ["198.51.100.0/24"]},
              {"id": "=pool", "parent": "@corp", "locale": "=cmd", "cidrs": ["198.51.100.0/31"]}],
    "load_balancers": [{"id": "-web\nnext", "pool": "=pool", "azs": ["a", "b", "c"],
                        "demand": {"constant": 20}, "replacement": {"mean": "6h"}}]})");
  const std::filesystem::path dir = folder.dir / "out";
  const test::CliResult r = test::run_albsim(
      {"run", scenario, "--out", dir.string(), "--charges", "--replications", "2", "-q"});
  REQUIRE(r.code == 0);
  for (const char* file : {"charges.csv", "charges_percentiles.csv"}) {
    INFO(file);
    const std::string text = test::read_text(dir / file);
    CsvRows rows(text);
    std::vector<std::string> header, f;
    REQUIRE(rows.next(header));
    const auto value = [&](const std::string& column) {
      return f[std::find(header.begin(), header.end(), column) - header.begin()];
    };
    std::set<std::string> usage_types;
    while (rows.next(f)) {
      for (const std::string& field : f)
        CHECK((field.empty() || std::string("=+-@\t\r").find(field.front()) == std::string::npos));
      usage_types.insert(value("x_UsageType"));
      // A managed address beyond the /31's two is held by the load balancer (3 AZs, a node each).
      if (value("x_UsageType") == "'=cmd-PublicIPv4:InUseAddress") {
        CHECK(value("ResourceId") == "'-web\nnext");
        CHECK(value("x_LoadBalancer") == "'-web\nnext");
      }
      if (value("x_UsageType") == "'=cmd-IPAddressManager-IP-Hours")
        CHECK(value("x_Pool") == "'=pool");
      if (std::string(file) == "charges.csv") {
        CHECK(value("BillingAccountName") == "'+ growth what-if");
        CHECK(value("RegionId") == "'=cmd");
        // Tags is one JSON object (it begins with '{') holding the ids exactly.
        const nlohmann::json tags = nlohmann::json::parse(value("Tags"));
        if (tags.contains("albsim:load-balancer"))
          CHECK(tags["albsim:load-balancer"] == "-web\nnext");
      }
    }
    CHECK(usage_types.count("'=cmd-PublicIPv4:InUseAddress") == 1);
    CHECK(usage_types.count("'=cmd-IPAddressManager-IP-Hours") == 1);
  }
}
