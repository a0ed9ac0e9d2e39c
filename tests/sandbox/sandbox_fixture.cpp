#include "sandbox_fixture.h"

#include "platform/api_signature.h"

namespace facepos::sandbox {

test::SandboxReply SandboxFixture::signAndSend(test::SandboxTestClient& client, const QString& call,
                                               QJsonObject request) {
    auto signature = api::sign(request, client.secret().toLatin1());
    EXPECT_TRUE(signature.ok());
    request.insert(QStringLiteral("sign"), signature.ok() ? *signature : QString());
    return client.send(call, request);
}

}  // namespace facepos::sandbox
