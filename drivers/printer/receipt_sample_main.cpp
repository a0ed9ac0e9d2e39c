// facepos-receipt-sample OUTPUT_DIR: renders the sample Chinese receipt for 58 mm and 80 mm paper through the
// virtual printer's interpreter and writes receipt-58mm.png and receipt-80mm.png (the images in docs/printing.md).
#include <QDir>
#include <QGuiApplication>
#include <cstdio>

#include "drivers/printer/escpos_renderer.h"
#include "drivers/printer/receipt_layout.h"

using namespace facepos::drivers;

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: facepos-receipt-sample OUTPUT_DIR\n");
        return 2;
    }
    const QDir out(QString::fromLocal8Bit(argv[1]));
    if (!out.mkpath(QStringLiteral("."))) {
        std::fprintf(stderr, "cannot create %s\n", argv[1]);
        return 1;
    }
    for (const PaperWidth width : {PaperWidth::Mm58, PaperWidth::Mm80}) {
        const QByteArray job = ReceiptLayout(width).render(sampleReceipt());
        const EscPosRenderer::Output rendered = EscPosRenderer(ReceiptLayout::dotsFor(width)).render(job);
        for (const QString& warning : rendered.warnings) std::fprintf(stderr, "%s\n", qPrintable(warning));
        if (rendered.pages.size() != 1) {
            std::fprintf(stderr, "expected one page, got %d\n", int(rendered.pages.size()));
            return 1;
        }
        const QString path = out.filePath(width == PaperWidth::Mm58 ? QStringLiteral("receipt-58mm.png")
                                                                    : QStringLiteral("receipt-80mm.png"));
        if (!rendered.pages.first().save(path)) {
            std::fprintf(stderr, "cannot write %s\n", qPrintable(path));
            return 1;
        }
        std::printf("%s\n", qPrintable(path));
    }
    return 0;
}
