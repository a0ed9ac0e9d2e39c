#include "platform/statement.h"

#include <sqlite3.h>

#include <QUtf8StringView>
#include <utility>

#include "platform/database_support.h"
#include "platform/statement_cache.h"

namespace facepos {

using dbsupport::lcDatabase;

namespace {

Error misuse(sqlite3_stmt* statement, const QString& problem) {
    return makeError(QStringLiteral("db.misuse"),
                     QStringLiteral("The program used the database %1 incorrectly: %2 in the statement \"%3\". "
                                    "This is a software defect to report.")
                         .arg(dbsupport::mainFileName(sqlite3_db_handle(statement)), problem,
                              dbsupport::abbreviated(QString::fromUtf8(sqlite3_sql(statement)))));
}

}  // namespace

Statement::Statement(sqlite3_stmt* statement, StatementCache* cache) : m_statement(statement), m_cache(cache) {}

Statement::Statement(Statement&& other) noexcept
    : m_statement(std::exchange(other.m_statement, nullptr)), m_cache(std::exchange(other.m_cache, nullptr)) {}

Statement& Statement::operator=(Statement&& other) noexcept {
    if (this != &other) {
        release();
        m_statement = std::exchange(other.m_statement, nullptr);
        m_cache = std::exchange(other.m_cache, nullptr);
    }
    return *this;
}

Statement::~Statement() {
    release();
}

// sqlite3_finalize() returns the error of the last step, which step() has already reported.
void Statement::release() {
    sqlite3_stmt* statement = std::exchange(m_statement, nullptr);
    if (m_cache != nullptr)
        m_cache->giveBack(statement);
    else
        sqlite3_finalize(statement);
}

Result<void> Statement::bind(int index, const SqlValue& value) {
    const auto& storage = value.storage();
    int rc = SQLITE_OK;
    if (std::holds_alternative<std::nullptr_t>(storage)) {
        rc = sqlite3_bind_null(m_statement, index);
    } else if (const auto* integer = std::get_if<qint64>(&storage)) {
        rc = sqlite3_bind_int64(m_statement, index, *integer);
    } else if (const auto* text = std::get_if<QString>(&storage)) {
        const QByteArray utf8 = text->toUtf8();
        // A null data pointer would bind NULL; empty text must stay empty text.
        const char* data = utf8.isNull() ? "" : utf8.constData();
        rc = sqlite3_bind_text64(m_statement, index, data, static_cast<sqlite3_uint64>(utf8.size()), SQLITE_TRANSIENT,
                                 SQLITE_UTF8);
    } else if (const auto* blob = std::get_if<QByteArray>(&storage)) {
        rc = blob->isEmpty() ? sqlite3_bind_zeroblob(m_statement, index, 0)
                             : sqlite3_bind_blob64(m_statement, index, blob->constData(),
                                                   static_cast<sqlite3_uint64>(blob->size()), SQLITE_TRANSIENT);
    }
    if (rc != SQLITE_OK) {
        sqlite3* db = sqlite3_db_handle(m_statement);
        return dbsupport::sqliteError(db, rc, dbsupport::mainFileName(db),
                                      QStringLiteral("binding parameter %1 of %2").arg(index).arg(describe()));
    }
    return {};
}

Result<void> Statement::bind(QAnyStringView name, const SqlValue& value) {
    const int index = sqlite3_bind_parameter_index(m_statement, name.toString().toUtf8().constData());
    if (index == 0) return misuse(m_statement, QStringLiteral("there is no parameter named %1").arg(name.toString()));
    return bind(index, value);
}

Result<void> Statement::bindAll(std::initializer_list<SqlValue> values) {
    if (static_cast<qsizetype>(values.size()) != parameterCount()) {
        return misuse(m_statement, QStringLiteral("%1 values were given for %2 parameters")
                                       .arg(static_cast<qsizetype>(values.size()))
                                       .arg(parameterCount()));
    }
    int index = 1;
    for (const SqlValue& value : values) {
        if (auto bound = bind(index++, value); !bound) return bound.error();
    }
    return {};
}

void Statement::clearBindings() {
    sqlite3_clear_bindings(m_statement);
}

int Statement::parameterCount() const {
    return sqlite3_bind_parameter_count(m_statement);
}

Result<bool> Statement::step() {
    const int rc = sqlite3_step(m_statement);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    sqlite3* db = sqlite3_db_handle(m_statement);
    Error error = dbsupport::sqliteError(db, rc, dbsupport::mainFileName(db), describe());
    // Resetting releases the read transaction a failed statement would otherwise keep open.
    sqlite3_reset(m_statement);
    return error;
}

void Statement::reset() {
    sqlite3_reset(m_statement);
}

int Statement::columnCount() const {
    return sqlite3_column_count(m_statement);
}

int Statement::columnIndex(QAnyStringView name) const {
    const int count = sqlite3_column_count(m_statement);
    for (int i = 0; i < count; ++i) {
        const char* columnName = sqlite3_column_name(m_statement, i);
        if (columnName != nullptr &&
            QAnyStringView::compare(QUtf8StringView(columnName), name, Qt::CaseInsensitive) == 0) {
            return i;
        }
    }
    return -1;
}

bool Statement::hasColumn(int index) const {
    // sqlite3_data_count() is 0 unless a row is current, so this also catches reads after the last row.
    if (index >= 0 && index < sqlite3_data_count(m_statement)) return true;
    qCCritical(lcDatabase) << "Column" << index << "read without a current row or outside the result of" << describe();
    Q_ASSERT_X(false, "Statement", "column index outside the current row");
    return false;
}

int Statement::requireColumn(QAnyStringView name) const {
    const int index = columnIndex(name);
    if (index < 0) {
        qCCritical(lcDatabase) << "Column" << name.toString() << "is not in the result of" << describe();
        Q_ASSERT_X(false, "Statement", "no result column of that name");
    }
    return index;
}

bool Statement::columnIsNull(int index) const {
    return !hasColumn(index) || sqlite3_column_type(m_statement, index) == SQLITE_NULL;
}

qint64 Statement::columnInt64(int index) const {
    return hasColumn(index) ? sqlite3_column_int64(m_statement, index) : 0;
}

bool Statement::columnBool(int index) const {
    return columnInt64(index) != 0;
}

QString Statement::columnText(int index) const {
    if (!hasColumn(index)) return {};
    // sqlite3_column_bytes() must follow sqlite3_column_text(): the text conversion can change the size.
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(m_statement, index));
    const int size = sqlite3_column_bytes(m_statement, index);
    return text != nullptr ? QString::fromUtf8(text, size) : QString();
}

QByteArray Statement::columnBlob(int index) const {
    if (!hasColumn(index)) return {};
    const void* data = sqlite3_column_blob(m_statement, index);
    const int size = sqlite3_column_bytes(m_statement, index);
    return data != nullptr ? QByteArray(static_cast<const char*>(data), size) : QByteArray();
}

bool Statement::columnIsNull(QAnyStringView name) const {
    const int index = requireColumn(name);
    return index < 0 || columnIsNull(index);
}

qint64 Statement::columnInt64(QAnyStringView name) const {
    const int index = requireColumn(name);
    return index < 0 ? 0 : columnInt64(index);
}

bool Statement::columnBool(QAnyStringView name) const {
    return columnInt64(name) != 0;
}

QString Statement::columnText(QAnyStringView name) const {
    const int index = requireColumn(name);
    return index < 0 ? QString() : columnText(index);
}

QByteArray Statement::columnBlob(QAnyStringView name) const {
    const int index = requireColumn(name);
    return index < 0 ? QByteArray() : columnBlob(index);
}

QString Statement::sql() const {
    return QString::fromUtf8(sqlite3_sql(m_statement));
}

// sqlite3_sql(), never sqlite3_expanded_sql(): messages and logs must not carry bound values.
QString Statement::describe() const {
    return QStringLiteral("the statement \"%1\"").arg(dbsupport::abbreviated(sql()));
}

}  // namespace facepos
