#pragma once

#include <QImage>
#include <QPointer>
#include <QQuickPaintedItem>
#include <QRectF>

namespace facepos::drivers {
class CameraService;
}

namespace facepos::checkout {

// The live camera picture (QML type `CameraPreview`) for the face capture page and the customer display: the latest
// downscaled frame of the CameraService, mirrored like a mirror, with the tracked face box drawn over it. It repaints
// on every CameraService::previewReady (at most 30 a second) while `active`; the picture is held only in memory and
// dropped when it goes inactive.
//
// Thread ownership: the UI thread (paint() runs there with the software and OpenGL render loops of Qt 6.4's
// QQuickPaintedItem).
class CameraPreviewItem : public QQuickPaintedItem {
    Q_OBJECT
    Q_PROPERTY(bool active READ active WRITE setActive NOTIFY activeChanged)
    Q_PROPERTY(QRectF faceBox READ faceBox WRITE setFaceBox NOTIFY faceBoxChanged)
    Q_PROPERTY(QColor boxColor READ boxColor WRITE setBoxColor NOTIFY boxColorChanged)
    Q_PROPERTY(bool hasPicture READ hasPicture NOTIFY hasPictureChanged)
    Q_PROPERTY(int framesShown READ framesShown NOTIFY framesShownChanged)

public:
    explicit CameraPreviewItem(QQuickItem* parent = nullptr);
    ~CameraPreviewItem() override;

    // The camera every preview shows (Application sets it before QML loads; null: no camera).
    static void setCamera(drivers::CameraService* camera);

    bool active() const { return m_active; }
    void setActive(bool active);
    QRectF faceBox() const { return m_faceBox; }
    void setFaceBox(const QRectF& box);
    QColor boxColor() const { return m_boxColor; }
    void setBoxColor(const QColor& color);
    bool hasPicture() const { return !m_picture.isNull(); }
    int framesShown() const { return m_framesShown; }

    void paint(QPainter* painter) override;

signals:
    void activeChanged();
    void faceBoxChanged();
    void boxColorChanged();
    void hasPictureChanged();
    void framesShownChanged();

private:
    void attach();
    void detach();
    void takePicture();

    static inline QPointer<drivers::CameraService> s_camera;
    QPointer<drivers::CameraService> m_camera;
    QMetaObject::Connection m_connection;
    bool m_active = false;
    QRectF m_faceBox;
    QColor m_boxColor = QColor(0x2e, 0xcc, 0x71);
    QImage m_picture;
    int m_framesShown = 0;
};

}  // namespace facepos::checkout
