/* ff-paths.h — where FoodFlow keeps its files. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The data directory: @override when non-NULL (the --data-dir option), else $FOODFLOW_DATA_DIR,
 * else $XDG_DATA_HOME/foodflow. */
char *ff_paths_get_data_dir (const char *override);

G_END_DECLS
