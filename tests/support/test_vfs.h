#pragma once

#include <QByteArray>
#include <QString>

// SQLite VFS shims for tests that need a file system which loses power or fills up. Both wrap the default "unix" VFS
// and delegate everything they do not change, shared memory (-shm) included, so WAL mode works as on the device.
// Open a Database through one with DatabaseOptions::vfs = PowerLossVfs::name() (or QuotaVfs::name()).
//
// Both keep process-wide state (a VFS is a process-wide registration): tests that use one must not run in parallel
// threads of the same process. The state is guarded by a mutex, so connections on other threads (a sync worker)
// may use the VFS while the test thread drives it.
namespace facepos::test {

// A disk that loses every write not yet made durable when the power is cut.
//
// Every xWrite and xTruncate goes through to the real file, but first the bytes and file size it changes are kept
// in an undo log for that path. xSync makes the file's data durable: its undo log is cleared. The logs live in a
// registry keyed by path, so they outlive the file handle (a journal written, closed unsynced, still loses its data).
// xDelete is taken as durable: it drops the path's log, so a new file of the same name starts clean.
//
// The cut applies every file's undo log in reverse, newest first, directly on the files (discarding each write that
// no xSync covered) and powers the disk off: from then on reads, writes, truncates, syncs, deletes and opens through
// this VFS fail with SQLITE_IOERR (SQLITE_CANTOPEN for opens), so the dying connection can change nothing. The test
// then destroys every connection, calls prepareReopen() and opens the file again through the default VFS.
//
// This is the harshest power loss SQLite's design allows for: nothing unsynced survives, whole or in part. A real
// disk may keep some unsynced writes, which SQLite tolerates by the same checksums and salts; torn writes inside a
// sector are not simulated (the unix VFS reports SQLITE_IOCAP_POWERSAFE_OVERWRITE, as the device's storage does).
// The -shm file is not modelled (SQLite rebuilds it from the WAL); the directory entry of a new file is taken as
// durable once the file is first synced, as the unix VFS fsyncs the directory then.
class PowerLossVfs {
public:
    // Registers "facepos-powerloss" (once; not as the default VFS).
    static void install();
    static QByteArray name();

    // Counts the mutating operations (xWrite, xTruncate, xSync, xDelete) through this VFS since the last reset():
    // what a test measures in a run without a cut to choose cut points that fall inside the work.
    static qint64 operationCount();

    // The next `operations` mutating operations go through; the power goes at the start of the one after them,
    // which fails. armCutAfter(0): at the next one. A cut in front of an xSync loses the data it would have synced.
    static void armCutAfter(qint64 operations);
    // Cuts at once (between operations).
    static void cutNow();
    static bool cutHappened();

    // Powers the disk back on, disarms, forgets every undo log and zeroes the operation count. Call with no
    // connection open through this VFS (what they wrote before reset() is then durable).
    static void reset();

    // After a cut, with every connection to `databasePath` closed: removes its -shm file, as a real power loss may
    // leave it stale (SQLite would rebuild it; removing it makes sure nothing survives in it).
    static void prepareReopen(const QString& databasePath);

private:
    PowerLossVfs() = delete;
};

// A disk of limited size: a write that would make the files of one database (the main file, its -wal and its
// -journal, taken together; the -shm is not counted) larger than the quota fails with SQLITE_FULL, as a full disk
// does, and writes nothing. Overwriting bytes inside a file's current size always succeeds. The quota applies to
// every database opened through "facepos-quota", each counted on its own, and may change at any time (to free
// space again).
class QuotaVfs {
public:
    // Registers "facepos-quota" (once; not as the default VFS). The quota starts unlimited.
    static void install();
    static QByteArray name();

    // The limit on the total size in bytes of one database's files; negative: unlimited.
    static void setQuotaBytes(qint64 bytes);
    static qint64 quotaBytes();
    // The bytes the files of `databasePath` occupy now (main + -wal + -journal), as the quota counts them.
    static qint64 usedBytes(const QString& databasePath);
    // How many writes were refused for lack of space since install() or the last resetRefusals().
    static qint64 refusedWrites();
    static void resetRefusals();

private:
    QuotaVfs() = delete;
};

}  // namespace facepos::test
