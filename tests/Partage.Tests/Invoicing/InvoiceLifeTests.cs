using Partage.App.Modules.Invoicing;
using Partage.Kernel;

namespace Partage.Tests.Invoicing;

/// <summary>The life of invoices and quotes as methods of the entity: every move allowed is here, every other refused.</summary>
public class InvoiceLifeTests
{
    private static Invoice Draft() => new() { Id = TypedId.New<InvoiceId>(), Kind = InvoiceKind.Invoice, GrossCents = 12_000 };

    [Fact]
    public void Draft_ValidatedThenIssuedThenSent()
    {
        var invoice = Draft();
        invoice.AwaitValidation();
        Assert.Equal(InvoiceStatus.PendingValidation, invoice.Status);
        invoice.MarkIssued();
        invoice.MarkSent();
        Assert.Equal(InvoiceStatus.Sent, invoice.Status);
        invoice.MarkSent();   // sent again: stays sent
        Assert.Equal(InvoiceStatus.Sent, invoice.Status);
    }

    [Fact]
    public void Payments_PartlyThenPaid_AndSendingAPaidInvoiceKeepsItPaid()
    {
        var invoice = Draft();
        invoice.MarkIssued();
        invoice.Payments.Add(new InvoicePayment { AmountCents = 2_000 });
        invoice.PaymentRecorded();
        Assert.Equal(InvoiceStatus.PartlyPaid, invoice.Status);
        invoice.Payments.Add(new InvoicePayment { AmountCents = 10_000 });
        invoice.PaymentRecorded();
        Assert.Equal(InvoiceStatus.Paid, invoice.Status);
        invoice.MarkSent();
        Assert.Equal(InvoiceStatus.Paid, invoice.Status);
        Assert.Equal(InvoicingErrors.NotIssued, Assert.Throws<DomainException>(invoice.PaymentRecorded).Error);   // nothing is payable any more
    }

    [Fact]
    public void Fund_CoversAnUnpaidInvoice_ALatePaymentKeepsItCovered_ThenWriteOff()
    {
        var invoice = Draft();
        invoice.MarkIssued();
        Assert.Equal(InvoicingErrors.NotCovered, Assert.Throws<DomainException>(invoice.MarkWrittenOff).Error);   // only a covered invoice is written off
        invoice.MarkCovered();
        invoice.Payments.Add(new InvoicePayment { AmountCents = 5_000 });
        invoice.PaymentRecorded();
        Assert.Equal(InvoiceStatus.Covered, invoice.Status);
        invoice.MarkWrittenOff();
        Assert.Equal(InvoiceStatus.WrittenOff, invoice.Status);
    }

    [Fact]
    public void Refused_MovesOutsideTheLife()
    {
        var draft = Draft();
        Assert.Equal(InvoicingErrors.NotIssued, Assert.Throws<DomainException>(draft.MarkCredited).Error);   // a draft is not credited
        Assert.Equal(InvoicingErrors.NotIssued, Assert.Throws<DomainException>(draft.MarkCovered).Error);

        var issued = Draft();
        issued.MarkIssued();
        Assert.Equal(InvoicingErrors.NotDraft, Assert.Throws<DomainException>(issued.MarkIssued).Error);   // numbered once
        Assert.Equal(InvoicingErrors.NotDraft, Assert.Throws<DomainException>(issued.AwaitValidation).Error);
        issued.MarkCredited();
        Assert.Equal(InvoiceStatus.Credited, issued.Status);
        Assert.Equal(InvoicingErrors.NotIssued, Assert.Throws<DomainException>(issued.MarkCovered).Error);
    }

    [Fact]
    public void Quote_SentAnsweredOnceInvoicedOnce()
    {
        var quote = new Quote();
        Assert.Equal(InvoicingErrors.QuoteAnswered, Assert.Throws<DomainException>(() => quote.Answer(accept: true)).Error);   // not sent yet
        Assert.Equal(InvoicingErrors.QuoteNotAccepted, Assert.Throws<DomainException>(quote.MarkInvoiced).Error);
        quote.MarkSent();
        quote.MarkSent();   // sent again while unanswered
        quote.Answer(accept: true);
        Assert.Equal(InvoicingErrors.QuoteAnswered, Assert.Throws<DomainException>(() => quote.Answer(accept: false)).Error);
        Assert.Equal(InvoicingErrors.QuoteAnswered, Assert.Throws<DomainException>(quote.MarkSent).Error);
        quote.MarkInvoiced();
        Assert.Equal(QuoteStatus.Invoiced, quote.Status);
        Assert.Equal(InvoicingErrors.QuoteNotAccepted, Assert.Throws<DomainException>(quote.MarkInvoiced).Error);   // a second click makes no second invoice
    }

    [Fact]
    public void Line_KeepsTheRateItFroze_AndRefusesAnotherTreatment()
    {
        var standard = VatRules.All.Single(r => r.Code == VatRules.Standard);
        var line = new InvoiceLine { VatCode = VatRules.Standard, NetCents = 10_000 }.Freeze(standard);
        Assert.Equal(("S", 20m), (line.Vat.Category, line.Vat.RatePercent));
        Assert.Throws<InvalidOperationException>(() => line.Freeze(VatRules.All.Single(r => r.Code == "FR_10")));
        // A rate the rules never had for that code is not made up: the line would not print.
        Assert.Throws<InvalidOperationException>(() => VatRules.Frozen(VatRules.Standard, "S", 19.6m));
    }
}
