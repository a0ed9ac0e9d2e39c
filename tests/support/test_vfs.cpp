#include "support/test_vfs.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <QFile>
#include <QFileInfo>
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstring>
#include <map>
#include <mutex>
#include <new>
#include <stdexcept>
#include <string>
#include <vector>

namespace facepos::test {

namespace {

constexpr char kPowerLossName[] = "facepos-powerloss";
constexpr char kQuotaName[] = "facepos-quota";

enum class ShimKind { PowerLoss, Quota };

// What SQLite allocates for each open file (szOsFile bytes): this header, then the unix VFS's own file object at
// kRealOffset. SQLite hands the header to our io methods; the unix VFS only ever sees its own object, which matters
// for xShmMap and friends, which cast the file they are given to unixFile.
struct ShimFile {
    sqlite3_file base;  // first: SQLite's view of the file
    sqlite3_file* real;
    ShimKind kind;
    bool tracked;       // a named file (main database, WAL, journal) rather than a temporary one
    std::string path;   // as SQLite named it: the undo log's key
    std::string group;  // the main database's path: the quota's key
};

constexpr std::size_t kRealOffset = (sizeof(ShimFile) + 15) & ~std::size_t{15};

sqlite3_vfs* rootVfs() {
    sqlite3_vfs* root = sqlite3_vfs_find("unix");
    if (root == nullptr) throw std::runtime_error("the SQLite \"unix\" VFS is not available");
    return root;
}

ShimFile* shim(sqlite3_file* file) {
    return reinterpret_cast<ShimFile*>(file);
}

sqlite3_file* realOf(sqlite3_file* file) {
    return shim(file)->real;
}

// The database a WAL or journal file belongs to; SQLite names them <database>-wal and <database>-journal.
std::string groupOf(const char* name, int flags) {
    std::string path(name);
    auto strip = [&path](const char* suffix) {
        const std::size_t length = std::strlen(suffix);
        if (path.size() > length && path.compare(path.size() - length, length, suffix) == 0) {
            path.resize(path.size() - length);
        }
    };
    if ((flags & SQLITE_OPEN_WAL) != 0) strip("-wal");
    if ((flags & SQLITE_OPEN_MAIN_JOURNAL) != 0) strip("-journal");
    return path;
}

// ---- Power loss -------------------------------------------------------------------------------------------------

// One change to a file not yet covered by an xSync: the bytes it overwrote (only those that existed) and the file's
// size before it. Undone by writing the bytes back and truncating to the size.
struct UndoRecord {
    sqlite3_int64 offset = 0;
    std::string previous;
    sqlite3_int64 previousSize = 0;
};

struct PowerLossState {
    std::mutex mutex;
    std::map<std::string, std::vector<UndoRecord>> undo;
    qint64 operations = 0;
    qint64 remainingBeforeCut = -1;  // negative: not armed
    bool poweredOff = false;
    bool cutHappened = false;
};

PowerLossState& powerState() {
    static PowerLossState state;
    return state;
}

// Writes the undo logs back, newest change first, straight through the OS: the connections that made the changes
// are dying and may no longer act. Closing these descriptors drops the process's POSIX locks on the files, which is
// harmless here because every connection to them is about to be closed. Caller holds the mutex.
void applyUndoLocked(PowerLossState& state) {
    for (auto& [path, records] : state.undo) {
        if (records.empty()) continue;
        const int fd = ::open(path.c_str(), O_RDWR | O_CLOEXEC);
        if (fd < 0) continue;  // deleted since: a delete is durable (see the header)
        for (auto record = records.rbegin(); record != records.rend(); ++record) {
            if (!record->previous.empty()) {
                const ssize_t written = ::pwrite(fd, record->previous.data(), record->previous.size(), record->offset);
                if (written != static_cast<ssize_t>(record->previous.size())) {
                    ::close(fd);
                    throw std::runtime_error("power-loss VFS: cannot restore " + path);
                }
            }
            if (::ftruncate(fd, record->previousSize) != 0) {
                ::close(fd);
                throw std::runtime_error("power-loss VFS: cannot restore the size of " + path);
            }
        }
        ::close(fd);
    }
    state.undo.clear();
}

void cutLocked(PowerLossState& state) {
    applyUndoLocked(state);
    state.poweredOff = true;
    state.cutHappened = true;
    state.remainingBeforeCut = -1;
}

// Counts one mutating operation; false when the power is off or goes now. Caller holds the mutex.
bool admitOperationLocked(PowerLossState& state) {
    if (state.poweredOff) return false;
    ++state.operations;
    if (state.remainingBeforeCut == 0) {
        cutLocked(state);
        return false;
    }
    if (state.remainingBeforeCut > 0) --state.remainingBeforeCut;
    return true;
}

bool poweredOff() {
    PowerLossState& state = powerState();
    std::lock_guard lock(state.mutex);
    return state.poweredOff;
}

sqlite3_int64 fileSize(sqlite3_file* real, int* rc) {
    sqlite3_int64 size = 0;
    *rc = real->pMethods->xFileSize(real, &size);
    return size;
}

// Keeps what [offset, offset + amount) holds now (the part inside the file) and the file's size.
int recordUndoLocked(PowerLossState& state, ShimFile* file, sqlite3_int64 offset, sqlite3_int64 amount) {
    int rc = SQLITE_OK;
    const sqlite3_int64 size = fileSize(file->real, &rc);
    if (rc != SQLITE_OK) return rc;
    UndoRecord record;
    record.offset = offset;
    record.previousSize = size;
    const sqlite3_int64 kept = std::clamp<sqlite3_int64>(size - offset, 0, amount);
    if (kept > 0) {
        record.previous.resize(static_cast<std::size_t>(kept));
        rc = file->real->pMethods->xRead(file->real, record.previous.data(), static_cast<int>(kept), offset);
        if (rc != SQLITE_OK) return rc;
    }
    state.undo[file->path].push_back(std::move(record));
    return SQLITE_OK;
}

int powerLossWrite(ShimFile* file, const void* data, int amount, sqlite3_int64 offset) {
    PowerLossState& state = powerState();
    std::lock_guard lock(state.mutex);
    if (!admitOperationLocked(state)) return SQLITE_IOERR_WRITE;
    if (file->tracked) {
        if (int rc = recordUndoLocked(state, file, offset, amount); rc != SQLITE_OK) return rc;
    }
    return file->real->pMethods->xWrite(file->real, data, amount, offset);
}

int powerLossTruncate(ShimFile* file, sqlite3_int64 size) {
    PowerLossState& state = powerState();
    std::lock_guard lock(state.mutex);
    if (!admitOperationLocked(state)) return SQLITE_IOERR_TRUNCATE;
    if (file->tracked) {
        int rc = SQLITE_OK;
        const sqlite3_int64 current = fileSize(file->real, &rc);
        if (rc != SQLITE_OK) return rc;
        if (current > size) {
            if (rc = recordUndoLocked(state, file, size, current - size); rc != SQLITE_OK) return rc;
        } else {
            state.undo[file->path].push_back(UndoRecord{size, {}, current});
        }
    }
    return file->real->pMethods->xTruncate(file->real, size);
}

int powerLossSync(ShimFile* file, int flags) {
    PowerLossState& state = powerState();
    std::lock_guard lock(state.mutex);
    if (!admitOperationLocked(state)) return SQLITE_IOERR_FSYNC;
    const int rc = file->real->pMethods->xSync(file->real, flags);
    if (rc == SQLITE_OK && file->tracked) state.undo.erase(file->path);
    return rc;
}

// ---- Quota ------------------------------------------------------------------------------------------------------

std::atomic<qint64> g_quotaBytes{-1};
std::atomic<qint64> g_refusedWrites{0};

qint64 sizeOnDisk(const std::string& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) return 0;
    return static_cast<qint64>(info.st_size);
}

qint64 groupBytes(const std::string& group) {
    return sizeOnDisk(group) + sizeOnDisk(group + "-wal") + sizeOnDisk(group + "-journal");
}

// Whether growing `file` to `newSize` bytes keeps its database within the quota.
int checkQuota(ShimFile* file, sqlite3_int64 newSize) {
    const qint64 quota = g_quotaBytes.load();
    if (quota < 0 || !file->tracked) return SQLITE_OK;
    int rc = SQLITE_OK;
    const sqlite3_int64 current = fileSize(file->real, &rc);
    if (rc != SQLITE_OK) return rc;
    if (newSize <= current) return SQLITE_OK;
    if (groupBytes(file->group) + (newSize - current) > quota) {
        ++g_refusedWrites;
        return SQLITE_FULL;
    }
    return SQLITE_OK;
}

// ---- io methods -------------------------------------------------------------------------------------------------

int shimClose(sqlite3_file* file) {
    ShimFile* self = shim(file);
    const int rc = self->real->pMethods != nullptr ? self->real->pMethods->xClose(self->real) : SQLITE_OK;
    self->~ShimFile();
    return rc;
}

int shimRead(sqlite3_file* file, void* buffer, int amount, sqlite3_int64 offset) {
    ShimFile* self = shim(file);
    if (self->kind == ShimKind::PowerLoss && poweredOff()) return SQLITE_IOERR_READ;
    return self->real->pMethods->xRead(self->real, buffer, amount, offset);
}

int shimWrite(sqlite3_file* file, const void* data, int amount, sqlite3_int64 offset) {
    ShimFile* self = shim(file);
    if (self->kind == ShimKind::PowerLoss) return powerLossWrite(self, data, amount, offset);
    if (int rc = checkQuota(self, offset + amount); rc != SQLITE_OK) return rc;
    return self->real->pMethods->xWrite(self->real, data, amount, offset);
}

int shimTruncate(sqlite3_file* file, sqlite3_int64 size) {
    ShimFile* self = shim(file);
    if (self->kind == ShimKind::PowerLoss) return powerLossTruncate(self, size);
    if (int rc = checkQuota(self, size); rc != SQLITE_OK) return rc;
    return self->real->pMethods->xTruncate(self->real, size);
}

int shimSync(sqlite3_file* file, int flags) {
    ShimFile* self = shim(file);
    if (self->kind == ShimKind::PowerLoss) return powerLossSync(self, flags);
    return self->real->pMethods->xSync(self->real, flags);
}

int shimFileSize(sqlite3_file* file, sqlite3_int64* size) {
    ShimFile* self = shim(file);
    if (self->kind == ShimKind::PowerLoss && poweredOff()) return SQLITE_IOERR_FSTAT;
    return self->real->pMethods->xFileSize(self->real, size);
}

int shimLock(sqlite3_file* file, int level) {
    return realOf(file)->pMethods->xLock(realOf(file), level);
}

int shimUnlock(sqlite3_file* file, int level) {
    return realOf(file)->pMethods->xUnlock(realOf(file), level);
}

int shimCheckReservedLock(sqlite3_file* file, int* out) {
    return realOf(file)->pMethods->xCheckReservedLock(realOf(file), out);
}

int shimFileControl(sqlite3_file* file, int op, void* arg) {
    return realOf(file)->pMethods->xFileControl(realOf(file), op, arg);
}

int shimSectorSize(sqlite3_file* file) {
    return realOf(file)->pMethods->xSectorSize(realOf(file));
}

int shimDeviceCharacteristics(sqlite3_file* file) {
    return realOf(file)->pMethods->xDeviceCharacteristics(realOf(file));
}

// Shared memory: always the unix VFS's own file object, which its shm functions cast to unixFile.
int shimShmMap(sqlite3_file* file, int region, int size, int extend, void volatile** out) {
    sqlite3_file* real = realOf(file);
    if (real->pMethods->iVersion < 2 || real->pMethods->xShmMap == nullptr) return SQLITE_IOERR_SHMMAP;
    return real->pMethods->xShmMap(real, region, size, extend, out);
}

int shimShmLock(sqlite3_file* file, int offset, int count, int flags) {
    sqlite3_file* real = realOf(file);
    if (real->pMethods->iVersion < 2 || real->pMethods->xShmLock == nullptr) return SQLITE_IOERR_SHMLOCK;
    return real->pMethods->xShmLock(real, offset, count, flags);
}

void shimShmBarrier(sqlite3_file* file) {
    sqlite3_file* real = realOf(file);
    if (real->pMethods->iVersion >= 2 && real->pMethods->xShmBarrier != nullptr) real->pMethods->xShmBarrier(real);
}

int shimShmUnmap(sqlite3_file* file, int deleteFlag) {
    sqlite3_file* real = realOf(file);
    if (real->pMethods->iVersion < 2 || real->pMethods->xShmUnmap == nullptr) return SQLITE_OK;
    return real->pMethods->xShmUnmap(real, deleteFlag);
}

int shimFetch(sqlite3_file* file, sqlite3_int64 offset, int amount, void** out) {
    sqlite3_file* real = realOf(file);
    *out = nullptr;
    if (real->pMethods->iVersion < 3 || real->pMethods->xFetch == nullptr) return SQLITE_OK;
    if (shim(file)->kind == ShimKind::PowerLoss && poweredOff()) return SQLITE_OK;  // no mapping: SQLite reads
    return real->pMethods->xFetch(real, offset, amount, out);
}

int shimUnfetch(sqlite3_file* file, sqlite3_int64 offset, void* page) {
    sqlite3_file* real = realOf(file);
    if (real->pMethods->iVersion < 3 || real->pMethods->xUnfetch == nullptr) return SQLITE_OK;
    return real->pMethods->xUnfetch(real, offset, page);
}

const sqlite3_io_methods kShimMethods = {
    3,
    shimClose,
    shimRead,
    shimWrite,
    shimTruncate,
    shimSync,
    shimFileSize,
    shimLock,
    shimUnlock,
    shimCheckReservedLock,
    shimFileControl,
    shimSectorSize,
    shimDeviceCharacteristics,
    shimShmMap,
    shimShmLock,
    shimShmBarrier,
    shimShmUnmap,
    shimFetch,
    shimUnfetch,
};

// ---- VFS methods ------------------------------------------------------------------------------------------------

sqlite3_vfs* rootOf(sqlite3_vfs* vfs) {
    return static_cast<sqlite3_vfs*>(vfs->pAppData);
}

ShimKind kindOf(sqlite3_vfs* vfs) {
    return std::strcmp(vfs->zName, kPowerLossName) == 0 ? ShimKind::PowerLoss : ShimKind::Quota;
}

int shimOpen(sqlite3_vfs* vfs, sqlite3_filename name, sqlite3_file* file, int flags, int* outFlags) {
    const ShimKind kind = kindOf(vfs);
    file->pMethods = nullptr;
    if (kind == ShimKind::PowerLoss && poweredOff()) return SQLITE_CANTOPEN;
    auto* real = reinterpret_cast<sqlite3_file*>(reinterpret_cast<char*>(file) + kRealOffset);
    std::memset(real, 0, static_cast<std::size_t>(rootOf(vfs)->szOsFile));
    const int rc = rootOf(vfs)->xOpen(rootOf(vfs), name, real, flags, outFlags);
    if (rc != SQLITE_OK) {
        if (real->pMethods != nullptr) real->pMethods->xClose(real);
        return rc;
    }
    const bool tracked = name != nullptr && (flags & SQLITE_OPEN_DELETEONCLOSE) == 0 &&
                         (flags & (SQLITE_OPEN_MAIN_DB | SQLITE_OPEN_WAL | SQLITE_OPEN_MAIN_JOURNAL)) != 0;
    auto* self = new (file) ShimFile{};
    self->real = real;
    self->kind = kind;
    self->tracked = tracked;
    if (tracked) {
        self->path = name;
        self->group = groupOf(name, flags);
    }
    self->base.pMethods = &kShimMethods;
    return SQLITE_OK;
}

int shimDelete(sqlite3_vfs* vfs, const char* name, int syncDirectory) {
    if (kindOf(vfs) == ShimKind::PowerLoss) {
        PowerLossState& state = powerState();
        std::lock_guard lock(state.mutex);
        if (!admitOperationLocked(state)) return SQLITE_IOERR_DELETE;
        const int rc = rootOf(vfs)->xDelete(rootOf(vfs), name, syncDirectory);
        if (rc == SQLITE_OK || rc == SQLITE_IOERR_DELETE_NOENT) state.undo.erase(name);
        return rc;
    }
    return rootOf(vfs)->xDelete(rootOf(vfs), name, syncDirectory);
}

int shimAccess(sqlite3_vfs* vfs, const char* name, int flags, int* out) {
    return rootOf(vfs)->xAccess(rootOf(vfs), name, flags, out);
}

int shimFullPathname(sqlite3_vfs* vfs, const char* name, int size, char* out) {
    return rootOf(vfs)->xFullPathname(rootOf(vfs), name, size, out);
}

void* shimDlOpen(sqlite3_vfs* vfs, const char* name) {
    return rootOf(vfs)->xDlOpen(rootOf(vfs), name);
}

void shimDlError(sqlite3_vfs* vfs, int size, char* out) {
    rootOf(vfs)->xDlError(rootOf(vfs), size, out);
}

void (*shimDlSym(sqlite3_vfs* vfs, void* handle, const char* symbol))(void) {
    return rootOf(vfs)->xDlSym(rootOf(vfs), handle, symbol);
}

void shimDlClose(sqlite3_vfs* vfs, void* handle) {
    rootOf(vfs)->xDlClose(rootOf(vfs), handle);
}

int shimRandomness(sqlite3_vfs* vfs, int size, char* out) {
    return rootOf(vfs)->xRandomness(rootOf(vfs), size, out);
}

int shimSleep(sqlite3_vfs* vfs, int microseconds) {
    return rootOf(vfs)->xSleep(rootOf(vfs), microseconds);
}

int shimCurrentTime(sqlite3_vfs* vfs, double* out) {
    return rootOf(vfs)->xCurrentTime(rootOf(vfs), out);
}

int shimGetLastError(sqlite3_vfs* vfs, int size, char* out) {
    return rootOf(vfs)->xGetLastError(rootOf(vfs), size, out);
}

int shimCurrentTimeInt64(sqlite3_vfs* vfs, sqlite3_int64* out) {
    return rootOf(vfs)->xCurrentTimeInt64(rootOf(vfs), out);
}

// The unix VFS is version 3; system-call overrides are not offered through the shims (version 2).
sqlite3_vfs makeVfs(const char* name) {
    sqlite3_vfs* root = rootVfs();
    sqlite3_vfs vfs{};
    vfs.iVersion = 2;
    vfs.szOsFile = static_cast<int>(kRealOffset) + root->szOsFile;
    vfs.mxPathname = root->mxPathname;
    vfs.zName = name;
    vfs.pAppData = root;
    vfs.xOpen = shimOpen;
    vfs.xDelete = shimDelete;
    vfs.xAccess = shimAccess;
    vfs.xFullPathname = shimFullPathname;
    vfs.xDlOpen = shimDlOpen;
    vfs.xDlError = shimDlError;
    vfs.xDlSym = shimDlSym;
    vfs.xDlClose = shimDlClose;
    vfs.xRandomness = shimRandomness;
    vfs.xSleep = shimSleep;
    vfs.xCurrentTime = shimCurrentTime;
    vfs.xGetLastError = shimGetLastError;
    vfs.xCurrentTimeInt64 = shimCurrentTimeInt64;
    return vfs;
}

void registerOnce(sqlite3_vfs& vfs) {
    if (const int rc = sqlite3_vfs_register(&vfs, 0); rc != SQLITE_OK) {
        throw std::runtime_error(std::string("cannot register the SQLite VFS ") + vfs.zName + ": " +
                                 sqlite3_errstr(rc));
    }
}

std::string encodedAbsolute(const QString& path) {
    return QFile::encodeName(QFileInfo(path).absoluteFilePath()).toStdString();
}

}  // namespace

void PowerLossVfs::install() {
    static sqlite3_vfs vfs = makeVfs(kPowerLossName);
    static std::once_flag once;
    std::call_once(once, [] { registerOnce(vfs); });
}

QByteArray PowerLossVfs::name() {
    return QByteArray(kPowerLossName);
}

qint64 PowerLossVfs::operationCount() {
    PowerLossState& state = powerState();
    std::lock_guard lock(state.mutex);
    return state.operations;
}

void PowerLossVfs::armCutAfter(qint64 operations) {
    PowerLossState& state = powerState();
    std::lock_guard lock(state.mutex);
    state.remainingBeforeCut = std::max<qint64>(operations, 0);
}

void PowerLossVfs::cutNow() {
    PowerLossState& state = powerState();
    std::lock_guard lock(state.mutex);
    if (!state.poweredOff) cutLocked(state);
}

bool PowerLossVfs::cutHappened() {
    PowerLossState& state = powerState();
    std::lock_guard lock(state.mutex);
    return state.cutHappened;
}

void PowerLossVfs::reset() {
    PowerLossState& state = powerState();
    std::lock_guard lock(state.mutex);
    state.undo.clear();
    state.operations = 0;
    state.remainingBeforeCut = -1;
    state.poweredOff = false;
    state.cutHappened = false;
}

void PowerLossVfs::prepareReopen(const QString& databasePath) {
    QFile::remove(QFileInfo(databasePath).absoluteFilePath() + QStringLiteral("-shm"));
}

void QuotaVfs::install() {
    static sqlite3_vfs vfs = makeVfs(kQuotaName);
    static std::once_flag once;
    std::call_once(once, [] { registerOnce(vfs); });
}

QByteArray QuotaVfs::name() {
    return QByteArray(kQuotaName);
}

void QuotaVfs::setQuotaBytes(qint64 bytes) {
    g_quotaBytes.store(bytes < 0 ? -1 : bytes);
}

qint64 QuotaVfs::quotaBytes() {
    return g_quotaBytes.load();
}

qint64 QuotaVfs::usedBytes(const QString& databasePath) {
    return groupBytes(encodedAbsolute(databasePath));
}

qint64 QuotaVfs::refusedWrites() {
    return g_refusedWrites.load();
}

void QuotaVfs::resetRefusals() {
    g_refusedWrites.store(0);
}

}  // namespace facepos::test
