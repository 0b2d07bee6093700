preview-phone-heading = { $headline } at phone width
preview-phone-intro = The saved text as readers will see it on a phone 390 pixels wide.
preview-phone-desktop = Full width
preview-phone-back = Back to the editor
preview-phone-frame = Preview of { $headline }
