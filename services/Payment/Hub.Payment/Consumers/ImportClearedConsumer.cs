using Hub.Contracts.Customs;
using Hub.Payment.Application;
using MassTransit;

namespace Hub.Payment.Consumers;

/// <summary>
/// This hub's customs cleared an import: its duties and taxes are charged to the importer of record
/// (<see cref="DutiesDesk"/>). A partner hub's copy never reaches it (its customs charges its own importers).
/// </summary>
internal sealed class ImportClearedConsumer(DutiesDesk desk) : IConsumer<ImportCleared>
{
    public Task Consume(ConsumeContext<ImportCleared> context) => desk.ChargeAsync(context.Message, context.CancellationToken);
}
