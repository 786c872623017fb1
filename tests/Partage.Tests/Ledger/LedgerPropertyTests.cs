using CsCheck;
using Microsoft.Extensions.DependencyInjection;
using Partage.App.Modules.Activities;
using Partage.App.Modules.Ledger;
using Partage.App.Modules.Ledger.Features;
using Partage.App.Security;
using Partage.Tests.Infrastructure;
using static Partage.Tests.Ledger.Books;
using Partage.Kernel;

namespace Partage.Tests.Ledger;

/// <summary>
/// Random sequences of postings and reversals, on two activities: the book stays balanced,
/// every activity's budget equals a replay, by this test, of the entries it posted, and the
/// explanation of "disponible" adds up to it.
/// </summary>
public class LedgerPropertyTests(PartageFactory factory) : IClassFixture<PartageFactory>
{
    /// <summary>Kind: 0 sale, 1 wage, 2 fee, 3 commitment, 4 client payment, 5 reversal of an earlier operation.</summary>
    public sealed record Op(int Kind, int Activity, long Cents, int Target);

    private static readonly Gen<Op[]> Sequences =
        Gen.Select(Gen.Int[0, 5], Gen.Int[0, 1], Gen.Long[1, 5_000_000], Gen.Int[0, 20], (k, a, c, t) => new Op(k, a, c, t)).Array[1, 12];

    /// <summary>The budget effect of one operation, as the ADR defines the figures.</summary>
    private static (long Earned, long Spent, long Invoiced, long Committed) Effect(Op op) => op.Kind switch
    {
        0 => (op.Cents, 0, op.Cents, 0),
        1 => (0, op.Cents, 0, 0),
        2 => (-op.Cents, 0, 0, 0),
        3 => (0, 0, 0, op.Cents),
        _ => (0, 0, -op.Cents, 0),
    };

    private static (string Debit, string Credit, bool DebitTagged, bool CreditTagged) Lines(int kind) => kind switch
    {
        0 => ("411", "706", true, true),
        1 => ("641", "421", true, false),
        2 => ("706", "7062", true, false),
        3 => ("8011", "8091", true, false),
        _ => ("512", "411", false, true),
    };

    [Fact]
    public async Task RandomPostingsAndReversals_BookBalanced_BudgetsEqualReplay()
    {
        var world = await OpenAsync(factory);
        ActivityId[] activities = [world.LilleActivity, world.ParisActivity];

        await Sequences.SampleAsync(async ops =>
        {
            var start = await Task.WhenAll(activities.Select(a => BudgetAsync(factory, a)));
            var expected = activities.Select(_ => (Earned: 0L, Spent: 0L, Invoiced: 0L, Committed: 0L)).ToArray();
            var posted = new List<(Op Op, EntryId Entry, bool Reversed)>();
            foreach (var op in ops)
            {
                if (op.Kind == 5)
                {
                    var open = posted.Select((p, i) => (p, i)).Where(x => !x.p.Reversed).ToList();
                    if (open.Count == 0)
                    {
                        continue;
                    }

                    var (target, index) = open[op.Target % open.Count];
                    await factory.InScopeAsync(s => s.GetRequiredService<ILedgerApi>().ReverseAsync(target.Entry, D(6, 1), "propriété", Guid.NewGuid().ToString("N"), Actor.System));
                    posted[index] = target with { Reversed = true };
                    var undo = Effect(target.Op);
                    var e = expected[target.Op.Activity];
                    expected[target.Op.Activity] = (e.Earned - undo.Earned, e.Spent - undo.Spent, e.Invoiced - undo.Invoiced, e.Committed - undo.Committed);
                    continue;
                }

                var (debit, credit, debitTagged, creditTagged) = Lines(op.Kind);
                var activity = activities[op.Activity];
                var entry = await PostAsync(factory, Lna, D(6, 1), Guid.NewGuid().ToString("N"),
                    (debit, Side.Debit, op.Cents, debitTagged ? activity : null), (credit, Side.Credit, op.Cents, creditTagged ? activity : null));
                posted.Add((op, entry.Id, false));
                var effect = Effect(op);
                var x = expected[op.Activity];
                expected[op.Activity] = (x.Earned + effect.Earned, x.Spent + effect.Spent, x.Invoiced + effect.Invoiced, x.Committed + effect.Committed);
            }

            for (var i = 0; i < activities.Length; i++)
            {
                var budget = await BudgetAsync(factory, activities[i]);
                Assert.Equal(start[i].Earned.Cents + expected[i].Earned, budget.Earned.Cents);
                Assert.Equal(start[i].Spent.Cents + expected[i].Spent, budget.Spent.Cents);
                Assert.Equal(start[i].InvoicedUnpaid.Cents + expected[i].Invoiced, budget.InvoicedUnpaid.Cents);
                Assert.Equal(start[i].Committed.Cents + expected[i].Committed, budget.Committed.Cents);

                // The explanation shown under "disponible" adds up, line by line, to the headline figure and to the replay.
                var lines = budget.Explain();
                var terms = lines.Where(l => l.Kind == BudgetLineKind.Term).Sum(l => l.Amount.Cents);
                var total = Assert.Single(lines, l => l.Kind == BudgetLineKind.Total);
                Assert.Same(lines[^1], total);
                Assert.Equal(terms, total.Amount.Cents);
                Assert.Equal(budget.Available, total.Amount);
                Assert.Equal(budget.Received, Assert.Single(lines, l => l.Kind == BudgetLineKind.Subtotal).Amount);
                Assert.Equal(lines.TakeWhile(l => l.Kind == BudgetLineKind.Term).Sum(l => l.Amount.Cents), budget.Received.Cents);
                var replayed = start[i].Available.Cents + expected[i].Earned - expected[i].Spent - expected[i].Invoiced - expected[i].Committed;
                Assert.Equal(replayed, total.Amount.Cents);
            }

            var check = await factory.InScopeAsync(s => s.GetRequiredService<CheckBooks>().HandleAsync("LNA"));
            Assert.True(check.IsBalanced, string.Join("; ", check.Problems));
            var balance = await factory.InScopeAsync(s => s.GetRequiredService<GetTrialBalance>().HandleAsync("LNA", "2026-01-01", "2026-12-31", Actor.System));
            Assert.Equal(balance.TotalDebit, balance.TotalCredit);
        }, iter: 25, threads: 1);
    }
}
