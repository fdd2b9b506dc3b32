// The rows of a CSV text as spreadsheets and AWS Data Exports write it (RFC 4180): fields
// separated by commas, quoted when they hold a comma, a quote ("" inside) or a line break;
// lines end in LF or CRLF. A leading UTF-8 byte-order mark is skipped.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace albsim {

class CsvRows {
 public:
  explicit CsvRows(std::string_view text);

  // Reads the next row into `fields` (reusing its strings); false after the last row. Blank
  // lines are skipped. Throws CsvError on a quote left open at the end of the text, or text
  // after a closing quote.
  bool next(std::vector<std::string>& fields);

  // The line the row last read starts on, from 1.
  std::uint64_t line() const { return row_line_; }

 private:
  std::string_view text_;
  std::size_t at_ = 0;
  std::uint64_t line_ = 1;
  std::uint64_t row_line_ = 0;
};

struct CsvError {
  std::uint64_t line;
  std::string problem;
};

}  // namespace albsim
