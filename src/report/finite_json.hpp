// The last guard before a JSON output is written: nlohmann prints an infinite or NaN number as
// null, which a reader would take for "no value". Every figure albsim computes is finite by the
// bounds on its inputs; a document that still holds a non-finite number is refused, naming the
// figure, instead of written.
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

}  // namespace albsim
