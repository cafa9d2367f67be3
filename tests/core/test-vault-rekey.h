/* test-vault-rekey.h — the re-key cases of test-vault, in a file of their own. */
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

void test_vault_rekey_register (void);
