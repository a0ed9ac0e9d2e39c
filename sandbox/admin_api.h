#pragma once

#include <QJsonObject>
#include <QString>

#include "sandbox/call_types.h"
#include "sandbox/core_calls.h"
#include "sandbox/fault_injector.h"
#include "sandbox/sandbox_store.h"

namespace facepos::sandbox {

class PaymentService;

// The sandbox's support actions, POST /admin/v1/<action> (docs/terminal-api.md §17.6): merchants, stores, members,
// vouchers, activation decisions, devices, sessions, records, faults, clock, updates, reset; the payment actions are
// forwarded to PaymentService. Token checking is the HTTP layer's; this class only acts.
//
// Thread ownership: handle() may be called from any thread; it holds the store's mutex for the whole action.
class AdminApi {
public:
    AdminApi(SandboxStore& store, CoreCalls& core, FaultInjector& faults, PaymentService* payments, QString updatesDir)
        : m_store(store), m_core(core), m_faults(faults), m_payments(payments), m_updatesDir(std::move(updatesDir)) {}

    // The answer: code 0 with data, or a §7.1 / §17.6 error.
    CallResult handle(const QString& action, const QJsonObject& body);

    // Seeds the §17.2 demo data into an empty database (mutex held, transaction open).
    CallResult seedDemo();
    // Loads the persisted fault settings into the injector (start-up).
    Result<void> restoreFaults();

private:
    CallResult dispatch(const QString& action, const QJsonObject& body);
    CallResult reset(const QJsonObject& body);
    CallResult merchantCreate(const QJsonObject& body);
    CallResult merchantSetPassword(const QJsonObject& body);
    CallResult storeCreate(const QJsonObject& body);
    CallResult memberCreate(const QJsonObject& body);
    CallResult voucherCreate(const QJsonObject& body);
    CallResult activationList(const QJsonObject& body);
    CallResult deviceList(const QJsonObject& body);
    CallResult deviceSecret(const QJsonObject& body);
    CallResult sessionEnd(const QJsonObject& body);
    CallResult recordList(const QJsonObject& body);
    CallResult faultsSet(const QJsonObject& body);
    CallResult clockSet(const QJsonObject& body);
    CallResult updatePublish(const QJsonObject& body);

    SandboxStore& m_store;
    CoreCalls& m_core;
    FaultInjector& m_faults;
    PaymentService* m_payments;  // may be null (no payment calls)
    QString m_updatesDir;
};

}  // namespace facepos::sandbox
