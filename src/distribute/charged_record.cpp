#include "distribute/charged_record.hpp"

#include "distribute/byte_codec.hpp"
#include "distribute/report_record.hpp"

namespace albsim {

std::string encode_charged(const ChargedRun& run) {
  ByteWriter w;
  w.text(encode_report(run.report));
  w.u64(run.charges.size());
  for (const ChargeLine& l : run.charges) {
    w.i64(l.start_ms);
    w.i64(l.end_ms);
    w.u64(static_cast<std::uint64_t>(l.kind));
    for (const std::string* s :
         {&l.usage_type, &l.resource_id, &l.load_balancer, &l.pool, &l.consumer})
      w.text(*s);
    w.f64(l.quantity);
    w.f64(l.unit_price);
    w.f64(l.cost);
  }
  return w.take();
}

ChargedRun decode_charged(std::string_view bytes) {
  ByteReader r(bytes);
  ChargedRun run;
  run.report = decode_report(r.text());
  // Each line: 3 fixed-width integers, 5 length-prefixed strings, 3 doubles.
  run.charges.resize(r.count(11 * 8));
  for (ChargeLine& l : run.charges) {
    l.start_ms = r.i64();
    l.end_ms = r.i64();
    const std::uint64_t kind = r.u64();
    if (kind > static_cast<std::uint64_t>(ChargeKind::byoip_ownership))
      throw CorruptRecord("a charge line of an unknown kind");
    l.kind = static_cast<ChargeKind>(kind);
    for (std::string* s : {&l.usage_type, &l.resource_id, &l.load_balancer, &l.pool, &l.consumer})
      *s = r.text();
    l.quantity = r.f64();
    l.unit_price = r.f64();
    l.cost = r.f64();
  }
  if (!r.at_end()) throw CorruptRecord("bytes after a charged record");
  return run;
}

}  // namespace albsim
