#include <catch2/catch.hpp>

#include "albsim/ipv4.hpp"
#include "albsim/sim_time.hpp"
#include "core/calendar.hpp"

using namespace albsim;

TEST_CASE("durations parse to whole milliseconds") {
  CHECK(parse_duration("90s")->ms() == 90'000);
  CHECK(parse_duration("15m")->ms() == 900'000);
  CHECK(parse_duration("4d18h")->ms() == (4 * 24 + 18) * 3'600'000LL);
  CHECK(parse_duration("1.5h")->ms() == 5'400'000);
  CHECK(parse_duration("2w")->ms() == 14 * 86'400'000LL);
  CHECK(parse_duration("250ms")->ms() == 250);
  CHECK_FALSE(parse_duration(""));
  CHECK_FALSE(parse_duration("5"));  // a string needs a unit
  CHECK_FALSE(parse_duration("5y"));
  CHECK_FALSE(parse_duration("h"));
  CHECK_FALSE(parse_duration("0.5ms"));  // not a whole millisecond
  CHECK(duration_from_seconds(0.25)->ms() == 250);
  CHECK_FALSE(duration_from_seconds(-1));
  CHECK(format_duration(*parse_duration("4d18h")) == "4d18h");
  CHECK(format_duration(SimTime::from_ms(90'500)) == "1m30s500ms");
}

TEST_CASE("IPv4 addresses and canonical CIDRs") {
  CHECK(Ipv4::parse("203.0.113.7")->value == 0xCB007107u);
  CHECK_FALSE(Ipv4::parse("256.0.0.1"));
  CHECK_FALSE(Ipv4::parse("1.2.3"));
  CHECK_FALSE(Ipv4::parse("01.2.3.4"));
  const auto c = parse_cidr("203.0.113.0/27");
  REQUIRE(c.cidr);
  CHECK(c.cidr->size() == 32);
  CHECK(c.cidr->last() == 0xCB00711Fu);
  CHECK(c.cidr->contains(*Ipv4::parse("203.0.113.31")));
  CHECK_FALSE(c.cidr->contains(*Ipv4::parse("203.0.113.32")));
  CHECK(parse_cidr("203.0.113.1/24").error == CidrParse::Error::host_bits_set);
  CHECK(parse_cidr("2001:db8::/32").error == CidrParse::Error::malformed);
  CHECK(parse_cidr("10.0.0.0/33").error == CidrParse::Error::malformed);
  CHECK(parse_cidr("0.0.0.0/0").cidr->size() == (std::uint64_t{1} << 32));
  CHECK(c.cidr->to_string() == "203.0.113.0/27");
}

TEST_CASE("calendar: ISO-8601 UTC and the day position") {
  CHECK(*parse_iso8601("1970-01-01T00:00:00Z") == 0);
  CHECK(*parse_iso8601("2026-11-23T00:00:00Z") == 1'795'392'000'000LL);
  CHECK(*parse_iso8601("2026-11-23T19:30:00.5Z") == 1'795'392'000'000LL + 70'200'500);
  CHECK_FALSE(parse_iso8601("2026-02-29T00:00:00Z"));
  CHECK_FALSE(parse_iso8601("2026-11-23 00:00:00"));
  CHECK(*parse_iso8601("2026-11-23T01:00:00+01:00") == 1'795'392'000'000LL);
  CHECK(*parse_iso8601("1995-07-01T00:00-04:00") == *parse_iso8601("1995-07-01T04:00:00Z"));
  CHECK(*parse_iso8601("1998-04-30T21:30Z") == *parse_iso8601("1998-04-30T21:30:00Z"));
  CHECK(*parse_iso8601("2024-09-29T22:10:00.123456+00:00") ==
        *parse_iso8601("2024-09-29T22:10:00Z") + 123);
  CHECK_FALSE(parse_iso8601("2026-11-23T00:00:00+1:00"));
  CHECK_FALSE(parse_iso8601("2026-11-23T00:00"));  // no zone
  // The shapes exports print: 1'795'392'000'000 is 2026-11-23T00:00Z, so 01:00 at +01 is it too.
  CHECK(*parse_iso8601("2026-11-23 00:00:00Z") == 1'795'392'000'000LL);      // RFC 3339, SQL
  CHECK(*parse_iso8601("2026-11-23t00:00:00z") == 1'795'392'000'000LL);      // RFC 3339 lower case
  CHECK(*parse_iso8601("2026-11-23T01:00:00+0100") == 1'795'392'000'000LL);  // strftime %z
  CHECK(*parse_iso8601("2026-11-23 01:00:00+01") == 1'795'392'000'000LL);    // PostgreSQL
  CHECK(*parse_iso8601("2026-11-22T20:30-0330") == 1'795'392'000'000LL);
  CHECK_FALSE(parse_iso8601("2026-11-23T00:00:00+01:0"));
  CHECK_FALSE(parse_iso8601("2026-11-23T00:00:00+010"));
  CHECK_FALSE(parse_iso8601("2026-11-23T00:00:00+01:00:00"));
  CHECK_FALSE(parse_iso8601("2026-11-23T00:00:00+2400"));
  CHECK_FALSE(parse_iso8601("2026-11-23T00:00:00 +01:00"));
  CHECK_FALSE(parse_iso8601("2026-11-23_00:00:00Z"));
  CHECK(format_iso8601_utc(1'795'392'000'000LL) == "2026-11-23T00:00:00Z");
  // 2026-11-23 is a Monday; 2026-11-28 a Saturday.
  CHECK_FALSE(utc_day_position(*parse_iso8601("2026-11-23T12:00:00Z")).weekend);
  CHECK(utc_day_position(*parse_iso8601("2026-11-28T00:00:00Z")).weekend);
  CHECK(utc_day_position(*parse_iso8601("2026-11-29T23:59:59Z")).weekend);
  CHECK(utc_day_position(*parse_iso8601("2026-11-23T19:30:00Z")).hour == 19.5);
  CHECK_FALSE(utc_day_position(kDefaultStartEpochMs).weekend);  // a Monday, as MODEL.md says
  CHECK(utc_day_position(kDefaultStartEpochMs + 5 * 86'400'000LL).weekend);
}
