/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Called once, when the person has chosen: @file is the file chosen, or
 * NULL when @chooser was cancelled or closed. */
typedef void (*JpFileChosenFunc) (GtkNativeDialog *chooser,
                                  GFile           *file,
                                  gpointer         user_data);

/* A modal file chooser showing the files @filter lets through.  It calls
 * @chosen, then destroys itself and drops the reference it returns with.
 * Its response handler's data is @user_data. */
GtkNativeDialog *jp_file_chooser_new   (GtkWindow            *parent,
                                        GtkFileChooserAction  action,
                                        const char           *title,
                                        const char           *accept_label,
                                        GtkFileFilter        *filter,
                                        JpFileChosenFunc      chosen,
                                        gpointer              user_data);
/* Closes *@chooser unanswered, if any (its owner going away): @chosen is
 * not called; both the reference its response would drop and the
 * owner's go, and *@chooser becomes NULL. */
void             jp_file_chooser_close (GtkNativeDialog     **chooser,
                                        gpointer              user_data);

G_END_DECLS
