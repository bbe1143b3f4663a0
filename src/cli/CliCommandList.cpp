#include "CliCommandList.h"
#include "BenchCommand.h"
#include "ExecCommand.h"
#include "ExportCommand.h"
#include "ListCommand.h"
#include "PathCommand.h"
#include "RunCommand.h"
#include "SampleCommand.h"

std::vector<std::unique_ptr<CliCommand>> CliCommandList::make()
{
    std::vector<std::unique_ptr<CliCommand>> commands;
    commands.push_back(std::make_unique<ListCommand>());
    commands.push_back(std::make_unique<RunCommand>());
    commands.push_back(std::make_unique<SampleCommand>());
    commands.push_back(std::make_unique<ExecCommand>());
    commands.push_back(std::make_unique<ExportCommand>());
    commands.push_back(std::make_unique<PathCommand>());
    commands.push_back(std::make_unique<BenchCommand>());
    return commands;
}
