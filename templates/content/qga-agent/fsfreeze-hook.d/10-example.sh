#!/bin/sh
# Example fsfreeze sub-hook: called with `freeze` before the filesystems are frozen and with `thaw` after
# they are thawed. Flush and pause your application here; exit non-zero to refuse the freeze.
# Do not write to a filesystem that is being frozen from the thaw branch before it returns, and do not leave
# background processes holding stdout (redirect them).
case "$1" in
    freeze)
        sync
        echo "example: application quiesced"
        ;;
    thaw)
        echo "example: application resumed"
        ;;
esac
exit 0
