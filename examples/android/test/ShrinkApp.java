// SPDX-License-Identifier: Apache-2.0
// ShrinkApp.java: a stand-in for an app that uses org.libsmsrep, shrunk and
// renamed by ProGuard in release_shrink.sh the way R8 shrinks a release build.
// It reaches both constructors the JNI code calls: a Verdict and an exception.
import org.libsmsrep.SmsRep;
import org.libsmsrep.SmsRepException;
import org.libsmsrep.Verdict;

public final class ShrinkApp {
    public static void main(String[] args) throws Exception {
        try (SmsRep db = SmsRep.open()) {
            Verdict v = db.check("+815053704545", "JP");
            System.out.println("verdict " + v.verdictClass + " " + v.brand);
            try {
                db.check("+815053704545", "XX");
            } catch (SmsRepException e) {
                System.out.println("exception " + e.status);
            }
        }
    }
}
