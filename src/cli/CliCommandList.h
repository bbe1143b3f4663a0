#pragma once

#include "CliCommand.h"

#include <memory>
#include <vector>

// The headless subcommands, in the order `proclab --help` lists them.
class CliCommandList
{
public:
    static std::vector<std::unique_ptr<CliCommand>> make();
};
