using Hub.Payment;
using Hub.Payment.Data;
using Hub.ServiceDefaults;
using Hub.ServiceDefaults.Hosting;

var builder = WebApplication.CreateBuilder(args);
var identity = builder.AddServiceDefaults("payment");
builder.AddPayment();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapPaymentEndpoints(identity);

return await app.RunAsync<PaymentDbContext>(args);
