#pragma once

namespace pgdeck::app {

// Builds the QApplication and main window; handles --connect, --view, --screenshot.
int runGui(int &argc, char **argv);

} // namespace pgdeck::app
