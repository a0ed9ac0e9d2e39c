# The payment engine (docs/terminal-api.md §11.2, face pay §12): the pure decision core (PaymentFlow), the engine
# that runs it against OrderStore and BackendClient, the cashier's words for its outcomes, and the face token cache.
target_sources(facepos_app PRIVATE
    checkout/payment_flow.h checkout/payment_flow.cpp
    checkout/payment_messages.h checkout/payment_messages.cpp
    checkout/payment_engine.h checkout/payment_engine.cpp
    checkout/face_auth_cache.h checkout/face_auth_cache.cpp)
