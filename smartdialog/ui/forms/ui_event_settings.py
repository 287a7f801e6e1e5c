# Generated from forms/event_settings.ui by `make forms` - do not edit.
# -*- coding: utf-8 -*-


from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QComboBox, QDateEdit, QFormLayout,
    QGroupBox, QHBoxLayout, QLabel, QLineEdit,
    QPlainTextEdit, QSizePolicy, QSpacerItem, QSpinBox,
    QTimeEdit, QWidget)

class Ui_EventSettings(object):
    def setupUi(self, EventSettings):
        if not EventSettings.objectName():
            EventSettings.setObjectName(u"EventSettings")
        EventSettings.resize(520, 560)
        self.formLayout = QFormLayout(EventSettings)
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.titleLabel = QLabel(EventSettings)
        self.titleLabel.setObjectName(u"titleLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.title = QLineEdit(EventSettings)
        self.title.setObjectName(u"title")
        self.title.setMaxLength(200)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.title)

        self.dateLabel = QLabel(EventSettings)
        self.dateLabel.setObjectName(u"dateLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.dateRow = QHBoxLayout()
        self.dateRow.setObjectName(u"dateRow")
        self.date = QDateEdit(EventSettings)
        self.date.setObjectName(u"date")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat(u"dd.MM.yyyy")

        self.dateRow.addWidget(self.date)

        self.fromLabel = QLabel(EventSettings)
        self.fromLabel.setObjectName(u"fromLabel")

        self.dateRow.addWidget(self.fromLabel)

        self.startTime = QTimeEdit(EventSettings)
        self.startTime.setObjectName(u"startTime")
        self.startTime.setDisplayFormat(u"HH:mm")

        self.dateRow.addWidget(self.startTime)

        self.untilLabel = QLabel(EventSettings)
        self.untilLabel.setObjectName(u"untilLabel")

        self.dateRow.addWidget(self.untilLabel)

        self.endTime = QTimeEdit(EventSettings)
        self.endTime.setObjectName(u"endTime")
        self.endTime.setDisplayFormat(u"HH:mm")

        self.dateRow.addWidget(self.endTime)

        self.dateSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.dateRow.addItem(self.dateSpacer)


        self.formLayout.setLayout(1, QFormLayout.ItemRole.FieldRole, self.dateRow)

        self.timeZoneLabel = QLabel(EventSettings)
        self.timeZoneLabel.setObjectName(u"timeZoneLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.timeZoneLabel)

        self.timeZone = QComboBox(EventSettings)
        self.timeZone.setObjectName(u"timeZone")
        self.timeZone.setEditable(True)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.timeZone)

        self.venueLabel = QLabel(EventSettings)
        self.venueLabel.setObjectName(u"venueLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.venueLabel)

        self.venue = QLineEdit(EventSettings)
        self.venue.setObjectName(u"venue")
        self.venue.setMaxLength(200)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.venue)

        self.organiserLabel = QLabel(EventSettings)
        self.organiserLabel.setObjectName(u"organiserLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.organiserLabel)

        self.organiser = QLineEdit(EventSettings)
        self.organiser.setObjectName(u"organiser")
        self.organiser.setMaxLength(200)

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.organiser)

        self.councilReferenceLabel = QLabel(EventSettings)
        self.councilReferenceLabel.setObjectName(u"councilReferenceLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.councilReferenceLabel)

        self.councilReference = QLineEdit(EventSettings)
        self.councilReference.setObjectName(u"councilReference")
        self.councilReference.setMaxLength(60)

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.councilReference)

        self.moderationLabel = QLabel(EventSettings)
        self.moderationLabel.setObjectName(u"moderationLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.moderationLabel)

        self.moderation = QLineEdit(EventSettings)
        self.moderation.setObjectName(u"moderation")
        self.moderation.setMaxLength(200)

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.moderation)

        self.guidingQuestionLabel = QLabel(EventSettings)
        self.guidingQuestionLabel.setObjectName(u"guidingQuestionLabel")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.guidingQuestionLabel)

        self.guidingQuestion = QPlainTextEdit(EventSettings)
        self.guidingQuestion.setObjectName(u"guidingQuestion")
        self.guidingQuestion.setTabChangesFocus(True)
        self.guidingQuestion.setMaximumSize(QSize(16777215, 90))

        self.formLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.guidingQuestion)

        self.votingGroup = QGroupBox(EventSettings)
        self.votingGroup.setObjectName(u"votingGroup")
        self.votingLayout = QFormLayout(self.votingGroup)
        self.votingLayout.setObjectName(u"votingLayout")
        self.dotsLabel = QLabel(self.votingGroup)
        self.dotsLabel.setObjectName(u"dotsLabel")

        self.votingLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.dotsLabel)

        self.dotsPerParticipant = QSpinBox(self.votingGroup)
        self.dotsPerParticipant.setObjectName(u"dotsPerParticipant")
        self.dotsPerParticipant.setMinimum(1)
        self.dotsPerParticipant.setMaximum(100)

        self.votingLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.dotsPerParticipant)

        self.maxPerIdeaLabel = QLabel(self.votingGroup)
        self.maxPerIdeaLabel.setObjectName(u"maxPerIdeaLabel")

        self.votingLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.maxPerIdeaLabel)

        self.maxDotsPerIdea = QSpinBox(self.votingGroup)
        self.maxDotsPerIdea.setObjectName(u"maxDotsPerIdea")
        self.maxDotsPerIdea.setMinimum(1)
        self.maxDotsPerIdea.setMaximum(100)

        self.votingLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.maxDotsPerIdea)

        self.minGroupLabel = QLabel(self.votingGroup)
        self.minGroupLabel.setObjectName(u"minGroupLabel")

        self.votingLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.minGroupLabel)

        self.minGroupSize = QSpinBox(self.votingGroup)
        self.minGroupSize.setObjectName(u"minGroupSize")
        self.minGroupSize.setMinimum(1)
        self.minGroupSize.setMaximum(100)

        self.votingLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.minGroupSize)


        self.formLayout.setWidget(8, QFormLayout.ItemRole.SpanningRole, self.votingGroup)

        self.savedHint = QLabel(EventSettings)
        self.savedHint.setObjectName(u"savedHint")
        self.savedHint.setEnabled(False)

        self.formLayout.setWidget(9, QFormLayout.ItemRole.SpanningRole, self.savedHint)

#if QT_CONFIG(shortcut)
        self.titleLabel.setBuddy(self.title)
        self.dateLabel.setBuddy(self.date)
        self.fromLabel.setBuddy(self.startTime)
        self.untilLabel.setBuddy(self.endTime)
        self.timeZoneLabel.setBuddy(self.timeZone)
        self.venueLabel.setBuddy(self.venue)
        self.organiserLabel.setBuddy(self.organiser)
        self.councilReferenceLabel.setBuddy(self.councilReference)
        self.moderationLabel.setBuddy(self.moderation)
        self.guidingQuestionLabel.setBuddy(self.guidingQuestion)
        self.dotsLabel.setBuddy(self.dotsPerParticipant)
        self.maxPerIdeaLabel.setBuddy(self.maxDotsPerIdea)
        self.minGroupLabel.setBuddy(self.minGroupSize)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.title, self.date)
        QWidget.setTabOrder(self.date, self.startTime)
        QWidget.setTabOrder(self.startTime, self.endTime)
        QWidget.setTabOrder(self.endTime, self.timeZone)
        QWidget.setTabOrder(self.timeZone, self.venue)
        QWidget.setTabOrder(self.venue, self.organiser)
        QWidget.setTabOrder(self.organiser, self.councilReference)
        QWidget.setTabOrder(self.councilReference, self.moderation)
        QWidget.setTabOrder(self.moderation, self.guidingQuestion)
        QWidget.setTabOrder(self.guidingQuestion, self.dotsPerParticipant)
        QWidget.setTabOrder(self.dotsPerParticipant, self.maxDotsPerIdea)
        QWidget.setTabOrder(self.maxDotsPerIdea, self.minGroupSize)

        self.retranslateUi(EventSettings)

        QMetaObject.connectSlotsByName(EventSettings)
    # setupUi

    def retranslateUi(self, EventSettings):
        EventSettings.setWindowTitle(QCoreApplication.translate("EventSettings", u"Event", None))
        self.titleLabel.setText(QCoreApplication.translate("EventSettings", u"&Title", None))
        self.title.setPlaceholderText(QCoreApplication.translate("EventSettings", u"e.g. Citizens' dialogue Smart City", None))
        self.dateLabel.setText(QCoreApplication.translate("EventSettings", u"&Date", None))
        self.fromLabel.setText(QCoreApplication.translate("EventSettings", u"from", None))
        self.untilLabel.setText(QCoreApplication.translate("EventSettings", u"until", None))
        self.timeZoneLabel.setText(QCoreApplication.translate("EventSettings", u"Time &zone", None))
#if QT_CONFIG(tooltip)
        self.timeZone.setToolTip(QCoreApplication.translate("EventSettings", u"Every time of the event (desk, ideas, wall, minutes) is shown on this clock, whatever the laptop is set to.", None))
#endif // QT_CONFIG(tooltip)
        self.venueLabel.setText(QCoreApplication.translate("EventSettings", u"&Venue", None))
        self.organiserLabel.setText(QCoreApplication.translate("EventSettings", u"&Organiser", None))
        self.councilReferenceLabel.setText(QCoreApplication.translate("EventSettings", u"&Council reference", None))
        self.councilReference.setPlaceholderText(QCoreApplication.translate("EventSettings", u"e.g. V/0164/2018", None))
        self.moderationLabel.setText(QCoreApplication.translate("EventSettings", u"&Moderation", None))
        self.guidingQuestionLabel.setText(QCoreApplication.translate("EventSettings", u"&Guiding question", None))
        self.votingGroup.setTitle(QCoreApplication.translate("EventSettings", u"Default rules for dot-voting", None))
        self.dotsLabel.setText(QCoreApplication.translate("EventSettings", u"Dots per &participant", None))
        self.maxPerIdeaLabel.setText(QCoreApplication.translate("EventSettings", u"At most per &idea", None))
        self.minGroupLabel.setText(QCoreApplication.translate("EventSettings", u"Smallest group shown in the &minutes", None))
#if QT_CONFIG(tooltip)
        self.minGroupSize.setToolTip(QCoreApplication.translate("EventSettings", u"Breakdowns (by district, organisation) are printed only for groups at least this large, so that nobody can be recognised.", None))
#endif // QT_CONFIG(tooltip)
        self.savedHint.setText(QCoreApplication.translate("EventSettings", u"Changes are saved as you make them.", None))
    # retranslateUi

