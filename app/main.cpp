#include <QtQml/qqmlextensionplugin.h>

#include "app/application.h"

Q_IMPORT_QML_PLUGIN(FacePOSPlugin)

int main(int argc, char** argv) {
    return facepos::runApplication(argc, argv);
}
