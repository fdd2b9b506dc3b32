// The rows of a trace file as its readers (CSV, CloudWatch JSON) hand them over: one time and up
// to three numbers per row, 16 bytes a row for the common one-value trace.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace albsim {

struct TraceColumns {
  std::vector<std::int64_t> times_ms;
  std::vector<double> values;  // the value, or the requests of an LCU conversion
  std::vector<double> bytes;   // empty unless the conversion reads bytes
  std::vector<double> active;  // empty unless the conversion reads active connections
  bool ascending = true;       // times never decrease in file order
  bool iso = false;            // ISO-8601 times (milliseconds since the epoch)
  std::string metric;          // CloudWatch: the metric's Label (or Id); else empty
  std::string statistic;       // CloudWatch: Sum, Average, ... of the values; else empty
};

}  // namespace albsim
