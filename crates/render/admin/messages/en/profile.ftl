# profile.html: the signed-in user's own byline.

profile-heading = Your profile
profile-intro = This is your byline: your name as each edition writes it, a short bio and a photo, shown with your stories and on your author page.
profile-author-page = See your author page
profile-current-photo = Your current photo
profile-photo = Photo (asset id)
profile-upload-photo = Upload a photo
profile-name = Name
profile-bio = Bio
profile-save = Save profile
profile-security = Sign-in and security: password and two-step sign-in
