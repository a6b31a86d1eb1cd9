using Hub.Order;
using Hub.Order.Data;
using Hub.ServiceDefaults;
using Hub.ServiceDefaults.Hosting;

var builder = WebApplication.CreateBuilder(args);
var identity = builder.AddServiceDefaults("order");
builder.AddOrder();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapOrderEndpoints(identity);

return await app.RunAsync<OrderDbContext>(args);
