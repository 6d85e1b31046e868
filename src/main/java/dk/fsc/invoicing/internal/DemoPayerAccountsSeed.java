package dk.fsc.invoicing.internal;

import dk.fsc.reference.Payer;
import dk.fsc.shared.Gtin;
import dk.fsc.shared.seed.Seed;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Made-up but valid EAN/GLN numbers for every demo region and municipality: 57999, 1 for a
 * municipality or 2 for a region, the code in six digits, and the GS1 check digit.
 */
@Component
@Profile("demo")
class DemoPayerAccountsSeed implements Seed {

    private final PayerAccounts accounts;

    DemoPayerAccountsSeed(PayerAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public String name() {
        return "invoicing/demo-payer-accounts";
    }

    @Override
    public int order() {
        return 400;
    }

    @Override
    public void apply() {
        accounts.all().forEach(account -> accounts.set(account.payer(), demoGln(account.payer())));
    }

    static String demoGln(Payer payer) {
        String kind = payer.kind() == Payer.Kind.MUNICIPALITY ? "1" : "2";
        return Gtin.withCheckDigit("57999" + kind + "%06d".formatted(Integer.parseInt(payer.code()))).digits();
    }
}
