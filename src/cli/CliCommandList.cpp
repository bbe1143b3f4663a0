#include "CliCommandList.h"

std::vector<std::unique_ptr<CliCommand>> CliCommandList::make()
{
    std::vector<std::unique_ptr<CliCommand>> commands;
    return commands;
}
