// `albsim import aws` and `albsim import terraform`: a scenario from what the AWS CLI prints
// about the pools, load balancers, allocations and CloudWatch metrics in use today, or from the
// change a Terraform plan is about to make; validated before it is written.
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <ostream>
#include <string>

#include "import/aws_import.hpp"
#include "import/terraform_import.hpp"

namespace albsim {

struct ImportCommand {
  AwsImportInput aws;
  TerraformImportInput terraform;
  std::string output;
  std::optional<std::string> before_output;  // import terraform --before FILE
  CLI::App* aws_cmd = nullptr;
  CLI::App* terraform_cmd = nullptr;
};

// Adds `import` and its `aws` and `terraform` subcommands; returns `import`.
CLI::App* add_import_command(CLI::App& app, ImportCommand& command);

int run_import_command(ImportCommand command, std::ostream& out, std::ostream& err);

}  // namespace albsim
