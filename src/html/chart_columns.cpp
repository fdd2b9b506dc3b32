#include "html/chart_columns.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <optional>

#include "albsim/input_error.hpp"
#include "io/csv_rows.hpp"
#include "io/read_file.hpp"
#include "report/series_envelope.hpp"

namespace albsim {
namespace {

// An envelope's rows are its columns: one chart column each.
static_assert(SeriesEnvelope::kMaxColumns <= static_cast<std::int64_t>(kChartColumns));

constexpr double kNone = std::numeric_limits<double>::quiet_NaN();

std::optional<double> number(const std::string& field) {
  double value = 0;
  const char* end = field.data() + field.size();
  const auto [ptr, ec] = std::from_chars(field.data(), end, value);
  if (ec != std::errc() || ptr != end || !std::isfinite(value)) return std::nullopt;
  return value;
}

// A time in seconds as the message gives it: "604800", "0.5".
std::string seconds(double value) {
  char buffer[32];
  const auto end =
      std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::general, 15).ptr;
  return std::string(buffer, end);
}

bool ends_with(const std::string& text, const std::string& tail) {
  return text.size() >= tail.size() &&
         text.compare(text.size() - tail.size(), tail.size(), tail) == 0;
}

// Folds rows into columns as they are read: header first, then each row.
class ColumnFolder {
 public:
  ColumnFolder(ChartColumns& out, std::string path, double horizon_s)
      : out_(out), path_(std::move(path)), horizon_s_(horizon_s) {}

  void row(const std::vector<std::string>& fields, std::uint64_t line) {
    if (!header_read_) return header(fields, line);
    if (fields.size() != width_)
      fail(line, "has " + std::to_string(fields.size()) + " fields where the header has " +
                     std::to_string(width_));
    const std::optional<double> t = number(fields[0]);
    if (!t || *t < 0)
      fail(line, "t_s \"" + fields[0] + "\" is not a time (seconds from the start, from 0)");
    if (last_t_ && *t <= *last_t_)
      fail(line, "t_s \"" + fields[0] + "\" is not a time after the previous row's");
    if (*t > horizon_s_)  // a row past the end would ask for columns without bound
      fail(line, "t_s \"" + fields[0] + "\" is after the end of the report's window (" +
                     seconds(horizon_s_) + " s); every row lies within it");
    if (!out_.exact && last_t_ && out_.sample_s == 0) set_sample_step(*t - *last_t_);
    last_t_ = t;
    if (out_.exact) {
      if (out_.t_s.size() == kChartColumns)  // rows are held: a bound on them bounds memory
        fail(line, "is a row past the " + std::to_string(kChartColumns) +
                       "th; an envelope albsim writes has at most one per chart column");
      out_.t_s.push_back(*t);
      for (auto& s : out_.series) s.low.push_back(kNone), s.high.push_back(kNone);
    } else if (out_.width_s > 0) {
      flush_pending();
      fold(fields, column_of(*t), line);
      return;
    } else {
      pending_.push_back({*t, fields, line});  // the first row, until the step is known
      return;
    }
    fold(fields, out_.t_s.size() - 1, line);
  }

  void finish() {
    if (!header_read_) throw InputError(path_, "", "is empty; expected a header line");
    if (!out_.exact && out_.width_s == 0) set_sample_step(std::max(horizon_s_, 1.0));
    flush_pending();
    if (out_.t_s.empty()) throw InputError(path_, "", "has no rows");
    if (out_.exact && out_.t_s.size() > 1) out_.width_s = out_.t_s[1] - out_.t_s[0];
  }

 private:
  struct Source {
    std::size_t series, field;
    bool high;  // an envelope's :max field (else :min, or a sample: both)
  };

  [[noreturn]] void fail(std::uint64_t line, const std::string& problem) const {
    throw InputError(path_, "line " + std::to_string(line), problem);
  }

  void header(const std::vector<std::string>& fields, std::uint64_t line) {
    header_read_ = true;
    width_ = fields.size();
    names_ = fields;
    if (fields.empty() || fields[0] != "t_s") fail(line, "the first column is not t_s");
    for (std::size_t f = 1; f < fields.size(); ++f) {
      std::string name = fields[f];
      if (name == "time_utc") continue;
      bool high = false;
      if (out_.exact) {
        high = ends_with(name, ":max");
        if (!high && !ends_with(name, ":min"))
          fail(line, "column \"" + name + "\" is neither <series>:min nor <series>:max");
        name.resize(name.size() - 4);
      }
      if (out_.series.empty() || out_.series.back().name != name)
        out_.series.push_back({name, {}, {}});
      sources_.push_back({out_.series.size() - 1, f, high});
    }
  }

  void set_sample_step(double step) {
    out_.sample_s = step;
    out_.width_s = std::max(step, std::ceil(horizon_s_ / kChartColumns / step) * step);
  }

  std::size_t column_of(double t) {
    const auto column = static_cast<std::size_t>(t / out_.width_s);
    while (out_.t_s.size() <= column) {
      out_.t_s.push_back(static_cast<double>(out_.t_s.size()) * out_.width_s);
      for (auto& s : out_.series) s.low.push_back(kNone), s.high.push_back(kNone);
    }
    return column;
  }

  void flush_pending() {
    for (const Pending& row : pending_) fold(row.fields, column_of(row.t), row.line);
    pending_.clear();
  }

  void fold(const std::vector<std::string>& fields, std::size_t column, std::uint64_t line) {
    for (const Source& source : sources_) {
      const std::string& field = fields[source.field];
      if (field.empty()) continue;  // a row that does not know it
      const std::optional<double> value = number(field);
      if (!value)
        fail(line, "\"" + field + "\" in column \"" + names_[source.field] + "\" is not a number");
      ChartSeries& s = out_.series[source.series];
      if (out_.exact) {
        (source.high ? s.high : s.low)[column] = *value;
        continue;
      }
      if (std::isnan(s.low[column]) || *value < s.low[column]) s.low[column] = *value;
      if (std::isnan(s.high[column]) || *value > s.high[column]) s.high[column] = *value;
    }
  }

  ChartColumns& out_;
  std::string path_;
  double horizon_s_;
  bool header_read_ = false;
  std::size_t width_ = 0;
  std::vector<Source> sources_;
  std::optional<double> last_t_;
  std::vector<std::string> names_;  // the header's fields
  struct Pending {
    double t;
    std::vector<std::string> fields;
    std::uint64_t line;
  };
  std::vector<Pending> pending_;
};

}  // namespace

const ChartSeries* ChartColumns::find(const std::string& name) const {
  for (const ChartSeries& s : series)
    if (s.name == name) return &s;
  return nullptr;
}

ChartColumns read_chart_columns(const std::filesystem::path& dir, double horizon_s) {
  const std::filesystem::path envelope = dir / "timeseries_envelope.csv";
  std::error_code ec;
  if (std::filesystem::exists(envelope, ec)) return read_chart_file(envelope, horizon_s, true);
  return read_chart_file(dir / "timeseries.csv", horizon_s, false);
}

ChartColumns read_chart_file(const std::filesystem::path& path, double horizon_s, bool envelope) {
  ChartColumns out;
  out.exact = envelope;
  out.file = path.filename().string();
  ColumnFolder folder(out, path.string(), horizon_s);
  std::vector<std::string> fields;
  std::uint64_t lines_before = 0;  // in the pieces already read
  try {
    read_file_by_lines(
        path.string(), "timeseries file", kMaxFileBytes, [&](std::string_view piece) {
          CsvRows rows(piece);
          while (rows.next(fields)) folder.row(fields, lines_before + rows.line());
          lines_before += static_cast<std::uint64_t>(std::count(piece.begin(), piece.end(), '\n'));
        });
  } catch (const ReadError& e) {
    throw InputError(path.string(), "", e.what());
  } catch (const CsvError& e) {
    throw InputError(path.string(), "", e.problem);
  }
  folder.finish();
  return out;
}

}  // namespace albsim
