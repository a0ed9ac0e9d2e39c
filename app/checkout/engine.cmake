# The payment-code payment engine (docs/terminal-api.md §11.2): the pure decision core (PaymentFlow), the engine
# that runs it against OrderStore and BackendClient, and the cashier's words for its outcomes.
target_sources(facepos_app PRIVATE
    checkout/payment_flow.h checkout/payment_flow.cpp
    checkout/payment_messages.h checkout/payment_messages.cpp
    checkout/payment_engine.h checkout/payment_engine.cpp)
