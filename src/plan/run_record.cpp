#include "plan/run_record.hpp"

#include "distribute/byte_codec.hpp"

namespace albsim {

std::string encode_run_record(const RunRecord& record) {
  ByteWriter w;
  w.flag(record.figures.breached);
  w.f64(record.figures.in_allowlist);
  w.f64(record.figures.breach_minutes_per_month);
  const MonthlyCost& c = record.cost;
  for (const double v : {c.managed_ipv4, c.amazon_blocks, c.byoip_ownership, c.ipam, c.nlb,
                         c.accelerator, c.cloudfront, c.total})
    w.f64(v);
  w.f64(record.lcu_hours_per_month);
  return w.take();
}

RunRecord decode_run_record(std::string_view bytes) {
  ByteReader r(bytes);
  RunRecord record;
  record.figures.breached = r.flag();
  record.figures.in_allowlist = r.f64();
  record.figures.breach_minutes_per_month = r.f64();
  MonthlyCost& c = record.cost;
  for (double* v : {&c.managed_ipv4, &c.amazon_blocks, &c.byoip_ownership, &c.ipam, &c.nlb,
                    &c.accelerator, &c.cloudfront, &c.total})
    *v = r.f64();
  record.lcu_hours_per_month = r.f64();
  r.expect_end();
  return record;
}

}  // namespace albsim
