// Which build of albsim this is: "VERSION+COMMIT[.dirty-HASH].OPTIONS" (cmake/BuildId.cmake).
// Two builds that may compute different bytes have different ids; shards carry it, and a merge
// refuses shards of another build.
#pragma once

namespace albsim {

const char* build_id();

}  // namespace albsim
