// Database::recover() and its salvage steps: rebuilding a damaged database file from whatever can still be read.

#include <sqlite3.h>

#include <QDateTime>
#include <QFileInfo>
#include <QSet>
#include <QUrl>
#include <algorithm>
#include <filesystem>
#include <limits>
#include <system_error>
#include <utility>

#include "platform/database.h"
#include "platform/database_support.h"

namespace facepos {

using dbsupport::lcDatabase;

namespace {

constexpr qint64 kMinRowid = std::numeric_limits<qint64>::min();
constexpr qint64 kMaxRowid = std::numeric_limits<qint64>::max();

// The files SQLite keeps for one database; they only make sense together, so they move together.
constexpr const char* kCompanionSuffixes[] = {"", "-wal", "-shm", "-journal"};

QString quoted(const QString& identifier) {
    QString escaped = identifier;
    escaped.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

// Failures that only mean "this row or page cannot be read from the damaged file, or cannot be stored under the
// new schema": that data is given up and the salvage goes on. Anything else (disk full, an I/O error on the new
// file) stops the recovery.
bool isDataLoss(const Error& error) {
    return error.code == QLatin1String("db.corrupt") || error.code == QLatin1String("db.constraint");
}

bool anyFileExists(const QString& base) {
    return std::any_of(std::begin(kCompanionSuffixes), std::end(kCompanionSuffixes),
                       [&](const char* suffix) { return QFileInfo::exists(base + QLatin1String(suffix)); });
}

// Only for files this code created itself (an interrupted recovery's staging database).
void removeFiles(const QString& base) {
    for (const char* suffix : kCompanionSuffixes) {
        std::error_code ec;
        std::filesystem::remove(dbsupport::toFsPath(base + QLatin1String(suffix)), ec);
        if (ec) {
            qCWarning(lcDatabase) << "Could not remove" << base + QLatin1String(suffix) << ":"
                                  << QString::fromStdString(ec.message());
        }
    }
}

// Renames `from` and its companions to `to`; on failure renames back what was already moved.
Result<void> moveFiles(const QString& from, const QString& to) {
    QList<const char*> moved;
    for (const char* suffix : kCompanionSuffixes) {
        const QString source = from + QLatin1String(suffix);
        if (!QFileInfo::exists(source)) continue;
        std::error_code ec;
        std::filesystem::rename(dbsupport::toFsPath(source), dbsupport::toFsPath(to + QLatin1String(suffix)), ec);
        if (ec) {
            for (const char* undo : moved) {
                std::error_code undoEc;
                std::filesystem::rename(dbsupport::toFsPath(to + QLatin1String(undo)),
                                        dbsupport::toFsPath(from + QLatin1String(undo)), undoEc);
                if (undoEc) {
                    qCCritical(lcDatabase)
                        << "Could not move" << to + QLatin1String(undo) << "back to" << from + QLatin1String(undo)
                        << ":" << QString::fromStdString(undoEc.message());
                }
            }
            return makeError(QStringLiteral("db.recovery_failed"),
                             QStringLiteral("Database recovery could not rename %1 to %2: %3. Check that the data "
                                            "directory is writable, then run recovery again.")
                                 .arg(source, to + QLatin1String(suffix), QString::fromStdString(ec.message())));
        }
        moved << suffix;
    }
    return {};
}

QString damagedCopyPathFor(const QString& path) {
    const QString base = path + QStringLiteral(".corrupt-") +
                         QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
    QString candidate = base;
    for (int n = 2; anyFileExists(candidate); ++n) candidate = base + QLatin1Char('-') + QString::number(n);
    return candidate;
}

// Seeking a rowid works unless the b-tree path to it crosses an unreadable page, so readability is probed by
// seeking rather than by scanning.
Result<bool> seekable(Statement& probe, qint64 rowid) {
    probe.reset();
    if (auto bound = probe.bind(1, rowid); !bound) return bound.error();
    auto row = probe.step();
    probe.reset();
    if (row) return true;
    if (isDataLoss(row.error())) return false;
    return row.error();
}

// The lowest rowid above `unreadable` from which the table can be read again, or nullopt if none can. The
// damaged pages cover a contiguous rowid range, so an exponential search finds a readable position beyond it and a
// binary search finds where the range ends, losing only the rows on the damaged pages. (Two damaged ranges close
// together may make the search step over readable rows between them: salvage is best effort.)
Result<std::optional<qint64>> nextReadableRowid(Statement& probe, qint64 unreadable) {
    qint64 bad = unreadable;
    quint64 stride = 1;
    qint64 good = 0;
    for (;;) {
        const quint64 headroom = static_cast<quint64>(kMaxRowid) - static_cast<quint64>(bad);
        const qint64 candidate =
            stride >= headroom ? kMaxRowid : static_cast<qint64>(static_cast<quint64>(bad) + stride);
        auto readable = seekable(probe, candidate);
        if (!readable) return readable.error();
        if (*readable) {
            good = candidate;
            break;
        }
        if (candidate == kMaxRowid) return std::optional<qint64>();
        bad = candidate;
        if (stride <= std::numeric_limits<quint64>::max() / 2) stride *= 2;
    }
    while (static_cast<quint64>(good) - static_cast<quint64>(bad) > 1) {
        const qint64 middle = static_cast<qint64>(static_cast<quint64>(bad) +
                                                  (static_cast<quint64>(good) - static_cast<quint64>(bad)) / 2);
        auto readable = seekable(probe, middle);
        if (!readable) return readable.error();
        (*readable ? good : bad) = middle;
    }
    return std::optional<qint64>(good);
}

}  // namespace

struct Database::SalvageCounts {
    qint64 salvaged = 0;
    qint64 lost = 0;            // rows seen in the damaged file that could not be read or stored
    bool skippedPages = false;  // unreadable pages whose rows were never seen
};

Result<RecoveryReport> Database::recover(const QString& path, const DatabaseOptions& options) {
    const QString target = QFileInfo(path).absoluteFilePath();
    if (!QFileInfo::exists(target)) {
        return makeError(
            QStringLiteral("db.recovery_failed"),
            QStringLiteral("There is no database file %1 to recover. Check the configured data path.").arg(target));
    }
    const int newestKnownVersion = options.migrations.empty() ? 0 : options.migrations.back().version;
    const QString staging = target + QStringLiteral(".recovering");
    removeFiles(staging);

    DatabaseOptions stagingOptions = options;
    stagingOptions.readOnly = false;
    auto salvaged = [&]() -> Result<RecoveryReport> {
        auto fresh = Database::open(staging, stagingOptions);
        if (!fresh) return fresh.error();
        return fresh->salvageFrom(target, newestKnownVersion);
    }();  // The staging connection closes here, folding its WAL into the file.
    if (salvaged) {
        // The staging file was filled without waiting for the disk; it must be on disk before it replaces anything.
        if (auto flushed = dbsupport::syncFile(staging); !flushed) salvaged = flushed.error();
    }
    if (!salvaged) {
        removeFiles(staging);
        const Error& cause = salvaged.error();
        return makeError(cause.code, QStringLiteral("Recovering the database %1 failed; the damaged file was left "
                                                    "where it is and nothing was changed. Cause: %2")
                                         .arg(target, cause.message));
    }

    RecoveryReport report = std::move(salvaged).value();
    report.damagedCopyPath = damagedCopyPathFor(target);
    if (auto movedAside = moveFiles(target, report.damagedCopyPath); !movedAside) {
        removeFiles(staging);
        return movedAside.error();
    }
    if (auto placed = moveFiles(staging, target); !placed) {
        if (auto restored = moveFiles(report.damagedCopyPath, target); !restored) {
            qCCritical(lcDatabase) << "The damaged database could not be put back:" << restored.error().message;
        }
        removeFiles(staging);
        return placed.error();
    }
    dbsupport::syncDirectory(QFileInfo(target).absolutePath());

    qCWarning(lcDatabase) << "Recovered" << target << ":" << report.rowsSalvaged() << "rows salvaged,"
                          << report.rowsLost() << (report.lossCountKnown() ? "rows lost;" : "or more rows lost;")
                          << "damaged file kept as" << report.damagedCopyPath;
    return report;
}

// Runs on the freshly migrated staging database, in autocommit mode: once any statement meets SQLITE_CORRUPT inside
// a write transaction, SQLite refuses every further write and the COMMIT of that transaction, so no read of the
// damaged file may happen while one is open. Each copy statement is therefore its own transaction.
Result<RecoveryReport> Database::salvageFrom(const QString& damagedPath, int newestKnownVersion) {
    RecoveryReport report;

    // mode=ro: nothing in the damaged file (or its WAL) may change while it is read.
    const QString uri = QUrl::fromLocalFile(damagedPath).toString(QUrl::FullyEncoded) + QStringLiteral("?mode=ro");
    auto attached = execute(QStringLiteral("ATTACH DATABASE ? AS damaged"), {uri});
    if (!attached && !isDataLoss(attached.error())) return attached.error();
    // ATTACH reads the schema; if that fails nothing is readable, but the new, empty database is still worth having.
    bool schemaReadable = attached.ok();

    QSet<QString> damagedTables;
    if (schemaReadable) {
        auto version = queryInt64(QStringLiteral("PRAGMA damaged.user_version"));
        if (version && version->value_or(0) > newestKnownVersion) {
            return makeError(
                QStringLiteral("db.too_new"),
                QStringLiteral("The damaged database %1 has schema version %2, newer than this "
                               "software knows (%3): recovering it with this version would drop data. "
                               "Install the newer software version, then recover.")
                    .arg(damagedPath, QString::number(version->value_or(0)), QString::number(newestKnownVersion)));
        }
        auto tables = prepare(QStringLiteral("SELECT name FROM damaged.sqlite_schema WHERE type = 'table'"));
        if (!tables) return tables.error();
        for (;;) {
            auto row = tables->step();
            if (!row) {
                if (!isDataLoss(row.error())) return row.error();
                schemaReadable = false;
                break;
            }
            if (!*row) break;
            damagedTables.insert(tables->columnText(0));
        }
    }

    // Rows go in table by table, so a child may arrive before (or without) its parent. The staging file is not in
    // use until recover() has flushed it to disk, so its many small commits need not each wait for the disk.
    for (const char* pragma : {"PRAGMA foreign_keys = OFF", "PRAGMA synchronous = OFF"}) {
        if (auto set = execute(QString::fromLatin1(pragma)); !set) return set.error();
    }

    // Triggers are set aside so salvaged rows are stored as they were, without side effects such as audit entries.
    QList<std::pair<QString, QString>> triggers;
    {
        auto list =
            prepare(QStringLiteral("SELECT name, sql FROM main.sqlite_schema WHERE type = 'trigger' "
                                   "ORDER BY rowid"));
        if (!list) return list.error();
        for (;;) {
            auto row = list->step();
            if (!row) return row.error();
            if (!*row) break;
            triggers.append({list->columnText(0), list->columnText(1)});
        }
    }
    for (const auto& trigger : triggers) {
        if (auto dropped = execute(QStringLiteral("DROP TRIGGER main.%1").arg(quoted(trigger.first))); !dropped) {
            return dropped.error();
        }
    }

    QList<std::pair<QString, bool>> tables;  // name, WITHOUT ROWID
    {
        auto list = prepare(
            QStringLiteral("SELECT s.name, l.wr FROM main.sqlite_schema AS s JOIN pragma_table_list AS l "
                           "ON l.schema = 'main' AND l.name = s.name "
                           "WHERE s.type = 'table' AND s.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY s.rowid"));
        if (!list) return list.error();
        for (;;) {
            auto row = list->step();
            if (!row) return row.error();
            if (!*row) break;
            tables.append({list->columnText(0), list->columnBool(1)});
        }
    }
    for (const auto& [name, withoutRowid] : tables) {
        if (!damagedTables.contains(name)) {
            // Absent from a readable schema: the table was empty by definition. Otherwise its fate is unknown.
            report.tables.append(TableRecovery{name, 0, 0, schemaReadable});
            continue;
        }
        auto table = salvageTable(name, withoutRowid);
        if (!table) return table.error();
        report.tables.append(*table);
    }

    if (schemaReadable) {
        if (auto sequences = salvageSequences(); !sequences) return sequences.error();
    }
    for (const auto& trigger : triggers) {
        if (auto recreated = execute(trigger.second); !recreated) return recreated.error();
    }
    if (attached) {
        if (auto detached = execute(QStringLiteral("DETACH DATABASE damaged")); !detached) {
            qCWarning(lcDatabase) << "Detaching the damaged database failed:" << detached.error().message;
        }
    }
    return report;
}

Result<TableRecovery> Database::salvageTable(const QString& table, bool withoutRowid) {
    TableRecovery result{table, 0, 0, true};

    // Columns present in both schemas, in the new table's order; generated columns are not listed by table_info.
    QStringList columns;
    {
        auto list = prepare(QStringLiteral(
            "SELECT m.name FROM pragma_table_info(?1, 'main') AS m "
            "WHERE m.name IN (SELECT d.name FROM pragma_table_info(?1, 'damaged') AS d) ORDER BY m.cid"));
        if (!list) return list.error();
        if (auto bound = list->bind(1, table); !bound) return bound.error();
        for (;;) {
            auto row = list->step();
            if (!row) {
                if (!isDataLoss(row.error())) return row.error();
                result.lossCountKnown = false;
                return result;
            }
            if (!*row) break;
            columns << quoted(list->columnText(0));
        }
    }
    if (columns.isEmpty()) {
        result.lossCountKnown = false;
        return result;
    }
    const QString columnList = columns.join(QStringLiteral(", "));
    const QString source = QStringLiteral("damaged.") + quoted(table);
    const QString target = QStringLiteral("main.") + quoted(table);

    // Whole table at once, as one atomic statement: the common case, where the damage is elsewhere.
    auto copied = execute(QStringLiteral("INSERT INTO %1 (%2) SELECT %2 FROM %3").arg(target, columnList, source));
    if (copied) {
        result.rowsSalvaged = changes();
        return result;
    }
    if (!isDataLoss(copied.error())) return copied.error();
    qCWarning(lcDatabase) << "Table" << table << "of the damaged database cannot be copied in one statement ("
                          << copied.error().code << "); salvaging it piece by piece.";

    // How many rows there were: count(*) may be answered from an intact index even when table pages are damaged.
    std::optional<qint64> knownTotal;
    if (auto counted = queryInt64(QStringLiteral("SELECT count(*) FROM %1").arg(source)); counted) {
        knownTotal = counted->value_or(0);
    } else if (!isDataLoss(counted.error())) {
        return counted.error();
    }

    SalvageCounts counts;
    auto salvaged = withoutRowid ? salvageInScanOrder(source, target, columns, counts)
                                 : salvageByRowid(source, target, columnList, counts);
    if (!salvaged) return salvaged.error();
    result.rowsSalvaged = counts.salvaged;
    if (knownTotal) {
        result.rowsLost = std::max(counts.lost, *knownTotal - counts.salvaged);
    } else {
        result.rowsLost = counts.lost;
        result.lossCountKnown = !counts.skippedPages;
    }
    return result;
}

// Walks the table's rowids in order (reading keys only, not the rows' contents) and copies each run of readable
// rowids with one INSERT ... SELECT over its rowid range. A range whose copy fails holds a row whose contents are
// unreadable, so that range is copied row by row and only the unreadable rows are lost. Where the walk meets an
// unreadable page it continues at the next readable rowid.
Result<void> Database::salvageByRowid(const QString& source, const QString& target, const QString& columns,
                                      SalvageCounts& counts) {
    constexpr qsizetype kRunLength = 256;
    auto scan = prepare(QStringLiteral("SELECT rowid FROM %1 WHERE rowid >= ? ORDER BY rowid").arg(source));
    if (!scan) return scan.error();
    auto probe = prepare(QStringLiteral("SELECT rowid FROM %1 WHERE rowid >= ? ORDER BY rowid LIMIT 1").arg(source));
    if (!probe) return probe.error();
    auto copyRange = prepare(QStringLiteral("INSERT INTO %1 (%2) SELECT %2 FROM %3 WHERE rowid BETWEEN ? AND ?")
                                 .arg(target, columns, source));
    if (!copyRange) return copyRange.error();
    auto copyRow =
        prepare(QStringLiteral("INSERT INTO %1 (%2) SELECT %2 FROM %3 WHERE rowid = ?").arg(target, columns, source));
    if (!copyRow) return copyRow.error();

    // True when copied, false when the rows are unreadable or unstorable.
    const auto copy = [](Statement& statement, std::initializer_list<SqlValue> bounds) -> Result<bool> {
        statement.reset();
        if (auto bound = statement.bindAll(bounds); !bound) return bound.error();
        auto done = statement.step();
        statement.reset();
        if (done) return true;
        if (isDataLoss(done.error())) return false;
        return done.error();
    };

    qint64 from = kMinRowid;
    for (;;) {
        QList<qint64> run;
        bool atEnd = false;
        bool unreadablePage = false;
        scan->reset();
        if (auto bound = scan->bind(1, from); !bound) return bound.error();
        while (run.size() < kRunLength) {
            auto row = scan->step();
            if (!row) {
                if (!isDataLoss(row.error())) return row.error();
                unreadablePage = true;
                break;
            }
            if (!*row) {
                atEnd = true;
                break;
            }
            run.append(scan->columnInt64(0));
        }
        scan->reset();  // The read ends before anything is written.

        if (!run.isEmpty()) {
            auto whole = copy(*copyRange, {run.front(), run.back()});
            if (!whole) return whole.error();
            if (*whole) {
                counts.salvaged += run.size();
            } else {
                for (const qint64 rowid : run) {
                    auto single = copy(*copyRow, {rowid});
                    if (!single) return single.error();
                    ++(*single ? counts.salvaged : counts.lost);
                }
            }
        }
        if (atEnd || (!run.isEmpty() && run.back() == kMaxRowid)) return {};
        const qint64 next = run.isEmpty() ? from : run.back() + 1;
        if (!unreadablePage) {
            from = next;
            continue;
        }
        counts.skippedPages = true;
        auto readable = nextReadableRowid(*probe, next);
        if (!readable) return readable.error();
        if (!*readable) return {};
        from = **readable;
    }
}

// WITHOUT ROWID tables have no integer key to seek past damage with, so they are read in key order until the
// first unreadable page; the rows beyond it are lost. Each row is inserted as it is read, in its own transaction,
// so the read that meets the damage never runs inside a write transaction.
Result<void> Database::salvageInScanOrder(const QString& source, const QString& target, const QStringList& columns,
                                          SalvageCounts& counts) {
    const QString columnList = columns.join(QStringLiteral(", "));
    QStringList placeholders;
    for (qsizetype i = 0; i < columns.size(); ++i) placeholders << QStringLiteral("?");
    auto scan = prepare(QStringLiteral("SELECT %1 FROM %2").arg(columnList, source));
    if (!scan) return scan.error();
    auto insert = prepare(QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                              .arg(target, columnList, placeholders.join(QStringLiteral(", "))));
    if (!insert) return insert.error();
    const int count = static_cast<int>(columns.size());
    for (;;) {
        auto row = scan->step();
        if (!row) {
            if (!isDataLoss(row.error())) return row.error();
            counts.skippedPages = true;
            return {};
        }
        if (!*row) return {};
        insert->reset();
        for (int i = 0; i < count; ++i) {
            // The value is passed through untouched, whatever its type.
            const int rc = sqlite3_bind_value(insert->m_statement, i + 1, sqlite3_column_value(scan->m_statement, i));
            if (rc != SQLITE_OK) {
                return dbsupport::sqliteError(m_db, rc, m_path, QStringLiteral("copying a row of %1").arg(source));
            }
        }
        if (auto inserted = insert->step(); inserted) {
            ++counts.salvaged;
        } else if (isDataLoss(inserted.error())) {
            ++counts.lost;
        } else {
            return inserted.error();
        }
    }
}

// AUTOINCREMENT counters continue from the damaged file's values, so the ids of lost rows are not handed out again.
Result<void> Database::salvageSequences() {
    const auto unreadable = [](const Error& error) -> Result<void> {
        if (!isDataLoss(error)) return error;
        qCWarning(lcDatabase) << "AUTOINCREMENT counters of the damaged database are unreadable; ids of lost rows "
                                 "may be handed out again.";
        return {};
    };
    auto local = queryInt64(QStringLiteral("SELECT count(*) FROM main.sqlite_schema WHERE name = 'sqlite_sequence'"));
    if (!local) return local.error();
    if (local->value_or(0) == 0) return {};  // The schema has no AUTOINCREMENT table.
    auto present =
        queryInt64(QStringLiteral("SELECT count(*) FROM damaged.sqlite_schema WHERE name = 'sqlite_sequence'"));
    if (!present) return unreadable(present.error());
    if (present->value_or(0) == 0) return {};

    auto read = prepare(QStringLiteral("SELECT name, seq FROM damaged.sqlite_sequence"));
    if (!read) return unreadable(read.error());
    for (;;) {
        auto row = read->step();
        if (!row) return unreadable(row.error());
        if (!*row) return {};
        const QString table = read->columnText(0);
        const qint64 sequence = read->columnInt64(1);
        auto raised = execute(QStringLiteral("UPDATE main.sqlite_sequence SET seq = max(seq, ?2) WHERE name = ?1"),
                              {table, sequence});
        if (!raised) return raised.error();
        if (changes() == 0) {
            auto added = execute(QStringLiteral("INSERT INTO main.sqlite_sequence (name, seq) SELECT ?1, ?2 WHERE "
                                                "EXISTS (SELECT 1 FROM main.sqlite_schema WHERE type = 'table' AND "
                                                "name = ?1)"),
                                 {table, sequence});
            if (!added) return added.error();
        }
    }
}

}  // namespace facepos
