// `albsim import aws`: a scenario skeleton from what the AWS CLI prints about the pools, load
// balancers, allocations and CloudWatch metrics in use today; validated before it is written.
#pragma once

#include <CLI/CLI.hpp>
#include <ostream>
#include <string>

#include "import/aws_import.hpp"

namespace albsim {

struct ImportCommand {
  AwsImportInput input;
  std::string output;
};

// Adds `import` and its `aws` subcommand; returns the latter.
CLI::App* add_import_command(CLI::App& app, ImportCommand& command);

int run_import_command(ImportCommand command, std::ostream& out, std::ostream& err);

}  // namespace albsim
