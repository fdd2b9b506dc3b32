#include "io/csv_rows.hpp"

namespace albsim {

CsvRows::CsvRows(std::string_view text) : text_(text) {
  if (text_.substr(0, 3) == "\xEF\xBB\xBF") at_ = 3;
}

bool CsvRows::next(std::vector<std::string>& fields) {
  while (at_ < text_.size() && (text_[at_] == '\n' || text_[at_] == '\r')) {
    if (text_[at_] == '\n') ++line_;
    ++at_;
  }
  if (at_ >= text_.size()) return false;
  row_line_ = line_;
  std::size_t count = 0;
  const auto field = [&]() -> std::string& {
    if (count == fields.size()) fields.emplace_back();
    std::string& f = fields[count++];
    f.clear();
    return f;
  };
  while (true) {
    std::string& f = field();
    if (at_ < text_.size() && text_[at_] == '"') {
      ++at_;
      while (true) {
        const std::size_t quote = text_.find('"', at_);
        if (quote == std::string_view::npos)
          throw CsvError{row_line_, "a quoted field is never closed"};
        for (std::size_t i = at_; i < quote; ++i)
          if (text_[i] == '\n') ++line_;
        f.append(text_.substr(at_, quote - at_));
        at_ = quote + 1;
        if (at_ < text_.size() && text_[at_] == '"') {
          f += '"';
          ++at_;
          continue;
        }
        break;
      }
      if (at_ < text_.size() && text_[at_] != ',' && text_[at_] != '\n' && text_[at_] != '\r')
        throw CsvError{line_,
                       "text after a closing quote (a quote inside a field is written \"\")"};
    } else {
      const std::size_t end = text_.find_first_of(",\r\n", at_);
      const std::size_t stop = end == std::string_view::npos ? text_.size() : end;
      f.assign(text_.substr(at_, stop - at_));
      at_ = stop;
    }
    if (at_ < text_.size() && text_[at_] == ',') {
      ++at_;
      continue;
    }
    break;  // a line end, or the end of the text
  }
  if (at_ < text_.size() && text_[at_] == '\r') ++at_;
  if (at_ < text_.size() && text_[at_] == '\n') {
    ++at_;
    ++line_;
  }
  fields.resize(count);
  return true;
}

}  // namespace albsim
