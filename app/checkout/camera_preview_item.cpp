#include "app/checkout/camera_preview_item.h"

#include <QPainter>
#include <QPen>

#include "drivers/camera/camera_service.h"

namespace facepos::checkout {

CameraPreviewItem::CameraPreviewItem(QQuickItem* parent) : QQuickPaintedItem(parent) {
    setOpaquePainting(true);
    setFillColor(Qt::black);
}

CameraPreviewItem::~CameraPreviewItem() {
    detach();
}

void CameraPreviewItem::setCamera(drivers::CameraService* camera) {
    s_camera = camera;
}

void CameraPreviewItem::setActive(bool active) {
    if (m_active == active) return;
    m_active = active;
    if (m_active)
        attach();
    else
        detach();
    emit activeChanged();
}

void CameraPreviewItem::setFaceBox(const QRectF& box) {
    if (m_faceBox == box) return;
    m_faceBox = box;
    update();
    emit faceBoxChanged();
}

void CameraPreviewItem::setBoxColor(const QColor& color) {
    if (m_boxColor == color) return;
    m_boxColor = color;
    update();
    emit boxColorChanged();
}

void CameraPreviewItem::attach() {
    m_camera = s_camera;
    if (!m_camera) return;
    m_connection = connect(m_camera, &drivers::CameraService::previewReady, this, &CameraPreviewItem::takePicture);
    takePicture();
}

void CameraPreviewItem::detach() {
    if (m_connection) disconnect(m_connection);
    m_connection = {};
    m_camera.clear();
    const bool had = !m_picture.isNull();
    // Face pixels are not kept once the preview is not shown.
    if (had) m_picture.fill(Qt::black);
    m_picture = QImage();
    if (had) emit hasPictureChanged();
    update();
}

void CameraPreviewItem::takePicture() {
    if (!m_camera) return;
    const bool had = !m_picture.isNull();
    m_picture = m_camera->latestPreview();
    if (had != !m_picture.isNull()) emit hasPictureChanged();
    update();
}

void CameraPreviewItem::paint(QPainter* painter) {
    if (m_picture.isNull()) return;
    const QSizeF area = size();
    QSizeF shown = QSizeF(m_picture.size()).scaled(area, Qt::KeepAspectRatio);
    const QRectF target((area.width() - shown.width()) / 2, (area.height() - shown.height()) / 2, shown.width(),
                        shown.height());
    // Mirrored, as people expect to see themselves.
    painter->save();
    painter->translate(target.center());
    painter->scale(-1, 1);
    painter->translate(-target.center());
    painter->setRenderHint(QPainter::SmoothPixmapTransform, true);
    painter->drawImage(target, m_picture);
    if (!m_faceBox.isEmpty()) {
        const QRectF box(target.left() + m_faceBox.x() * target.width(), target.top() + m_faceBox.y() * target.height(),
                         m_faceBox.width() * target.width(), m_faceBox.height() * target.height());
        QPen pen(m_boxColor);
        pen.setWidthF(std::max<qreal>(3, target.width() / 160));
        painter->setPen(pen);
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(box, 8, 8);
    }
    painter->restore();
    ++m_framesShown;
    emit framesShownChanged();
}

}  // namespace facepos::checkout
