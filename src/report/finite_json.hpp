// The last guards before a JSON output is written. nlohmann prints an infinite or NaN number as
// null, which a reader would take for "no value": every figure albsim computes is finite by the
// bounds on its inputs, and a document that still holds a non-finite number is refused, naming
// the figure, instead of written. nlohmann throws on a string that is not UTF-8: a path as the
// file system gave it, a bill's resource id or a CSV column name may be any bytes, so every
// output's text is made by json_output_text, which writes such bytes as U+FFFD.
#pragma once

#include <cmath>
#include <nlohmann/json.hpp>
#include <string>

#include "albsim/input_error.hpp"

namespace albsim {

// Throws InputError(`file`, the pointer of the first non-finite number in `document`).
template <class Json>
void require_finite_numbers(const Json& document, const std::string& file,
                            const std::string& pointer = "") {
  if (document.is_number_float() && !std::isfinite(document.template get<double>()))
    throw InputError(file, pointer,
                     "the figure is not a finite number: an input overflowed it (a price, a "
                     "rate or a count far out of range); nothing was written");
  if (document.is_object())
    for (auto it = document.begin(); it != document.end(); ++it)
      require_finite_numbers(it.value(), file, pointer + "/" + it.key());
  else if (document.is_array())
    for (std::size_t i = 0; i < document.size(); ++i)
      require_finite_numbers(document[i], file, pointer + "/" + std::to_string(i));
}

// `document`'s text as nlohmann's dump(indent) writes it, the bytes of a string that are not
// UTF-8 written as U+FFFD (names in an output are for reading; what was matched on is unchanged).
template <class Json>
std::string json_output_text(const Json& document, int indent = 2) {
  return document.dump(indent, ' ', false, Json::error_handler_t::replace);
}

}  // namespace albsim
