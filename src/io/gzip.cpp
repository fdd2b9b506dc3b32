#include "io/gzip.hpp"

#include <zlib.h>

#include <algorithm>

namespace albsim {
namespace {

std::string inflate_all(std::string_view packed, std::string_view what, std::uint64_t max_bytes) {
  z_stream z{};
  // 15 + 32: a window of 32 KiB, gzip or zlib header detected.
  if (inflateInit2(&z, 15 + 32) != Z_OK) throw ReadError(std::string(what) + ": zlib failed");
  std::string text;
  char buffer[1 << 16];
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(packed.data()));
  z.avail_in = static_cast<uInt>(packed.size());
  int status = Z_OK;
  while (true) {
    z.next_out = reinterpret_cast<Bytef*>(buffer);
    z.avail_out = sizeof buffer;
    status = inflate(&z, Z_NO_FLUSH);
    if (status != Z_OK && status != Z_STREAM_END && status != Z_BUF_ERROR) break;
    text.append(buffer, sizeof buffer - z.avail_out);
    if (text.size() > max_bytes) {
      inflateEnd(&z);
      throw ReadError(std::string(what) + ": inflates to more than " + std::to_string(max_bytes) +
                      " bytes; split the export (AWS Data Exports can write one file per day)");
    }
    if (status == Z_STREAM_END) {
      if (z.avail_in == 0) break;
      inflateReset(&z);  // another gzip member follows
      continue;
    }
    if (status == Z_BUF_ERROR && z.avail_in == 0) break;  // the input ended mid-stream
  }
  inflateEnd(&z);
  if (status != Z_STREAM_END)
    throw ReadError(std::string(what) + ": the gzip stream is " +
                    (status == Z_BUF_ERROR ? "truncated" : "corrupt") +
                    "; download the export again");
  return text;
}

}  // namespace

bool is_gzip(std::string_view bytes) {
  return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f &&
         static_cast<unsigned char>(bytes[1]) == 0x8b;
}

std::string inflated(std::string_view bytes, std::string_view what, std::uint64_t max_bytes) {
  if (!is_gzip(bytes)) return std::string(bytes);
  return inflate_all(bytes, what, max_bytes);
}

}  // namespace albsim
