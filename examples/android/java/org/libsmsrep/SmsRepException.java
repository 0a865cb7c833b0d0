// SPDX-License-Identifier: Apache-2.0
// SmsRepException.java: a libsmsrep status other than ok, with its stable name.
package org.libsmsrep;

public final class SmsRepException extends Exception {
    private static final long serialVersionUID = 1L;

    /** The status name, e.g. "bad_region", "db_not_smsrep" (smsrep_status_name()). */
    public final String status;

    SmsRepException(String status, String message) {
        super(status + ": " + message);
        this.status = status;
    }
}
