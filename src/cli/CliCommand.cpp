#include "CliCommand.h"
