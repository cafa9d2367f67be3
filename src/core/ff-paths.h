/* ff-paths.h — where FoodFlow keeps its files. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The data directory: @override when non-NULL (the --data-dir option), else $FOODFLOW_DATA_DIR,
 * else $XDG_DATA_HOME/foodflow. */
char     *ff_paths_get_data_dir          (const char *override);

/* Makes @path an empty file readable by its owner only (0600), unless it exists already, so
 * that SQLite opens an existing file instead of creating one with the umask's mode (and gives
 * its -journal, -wal and -shm the same mode). */
gboolean  ff_paths_ensure_private_file   (const char  *path,
                                          GError     **error);

G_END_DECLS
