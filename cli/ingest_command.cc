// `reviewlens ingest CORPUS_DIR`: the incremental, parallel, crash-safe
// (re)build of the index from a folder of PDFs. The command line is
// cli/ingest_args.cc, the work cli/ingest_runner.cc. (`reviewlens` answers a
// run with nothing to do itself and execs this one otherwise:
// cli/ingest_quick.h.)
#include <memory>

#include "cli/command.h"
#include "cli/ingest_args.h"
#include "cli/ingest_runner.h"

namespace reviewlens::cli {

Command add_ingest_command(CLI::App& app) {
  auto args = std::make_shared<IngestArgs>();
  CLI::App* sub = add_ingest_arguments(app, *args);
  return {sub, [args] { return print_ingest_report(run_ingest(ingest_options(*args)), *args); }};
}

}  // namespace reviewlens::cli
