#include "distribute/content_hash.hpp"

#include "distribute/byte_codec.hpp"

namespace albsim {

std::string content_hash(const nlohmann::json& document, const FileCache& files) {
  Fnv1a64 hash;
  hash.add(document.dump());
  ByteWriter w;
  for (const auto& [key, series] : files.traces) {
    w.u64(series->times_ms.size());
    for (const std::int64_t t : series->times_ms) w.i64(t);
    for (const double v : series->values) w.f64(v);
    w.i64(series->period_ms);
    w.flag(series->epoch_times);
    hash.add(w.take());
  }
  for (const auto& [key, cidrs] : files.ip_ranges) {
    w.u64(cidrs.size());
    for (const Cidr& c : cidrs)
      w.u64((std::uint64_t{c.base.value} << 8) | static_cast<std::uint64_t>(c.length));
    hash.add(w.take());
  }
  return hash.hex();
}

}  // namespace albsim
